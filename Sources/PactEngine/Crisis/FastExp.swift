/// e^x for the engine's hot path, in plain arithmetic.
///
/// A draw of a six-member crisis needs about 25 exponentials; the C library's `exp` made up a
/// third of the run time. This version reduces x = k·ln 2 + r with |r| <= ln 2 / 2 (ln 2 split
/// into a high and a low part, Cody–Waite), evaluates e^r by its Taylor polynomial of degree 8
/// in Estrin's scheme (short dependency chains, so the evaluations of several members overlap),
/// and scales by 2^k through the exponent bits.
///
/// Accuracy: relative error below 3e-10 over [-708, 709] (truncation r^9/9! at |r| = 0.347;
/// checked in the tests against `Foundation.exp`). That is far below anything the model's
/// probabilities can resolve. Inputs beyond the range saturate to 0 or +infinity. Written in
/// Swift arithmetic, it gives the same bits on every platform, which the C library does not
/// promise.
@inline(__always)
public func pactExp(_ x: Double) -> Double {
    if x > 709 { return .infinity }
    if x < -708 { return 0 }
    // Round to nearest by the 1.5 · 2^52 trick: exact for |v| < 2^51 and, unlike `rounded()`,
    // no call into the C library on baseline x86-64.
    let k = (x * 1.4426950408889634 + 6755399441055744.0) - 6755399441055744.0
    let r = (x - k * 0.6931471803691238) - k * 1.9082149292705877e-10
    let r2 = r * r
    let r4 = r2 * r2
    let a = 1 + r
    let b = 0.5 + r * (1.0 / 6)
    let c = 1.0 / 24 + r * (1.0 / 120)
    let d = 1.0 / 720 + r * (1.0 / 5040)
    let low = a + r2 * b
    let high = c + r2 * d
    let p = low + r4 * (high + r4 * (1.0 / 40320))
    let bits = UInt64(Int64(k) + 1023) << 52
    return p * Double(bitPattern: bits)
}
