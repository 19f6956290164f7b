/// How uncertain the fitted weights are: one fitted value per free parameter for each of a set of
/// bootstrap fits (the calibration repeated on cases resampled with replacement).
///
/// Why a bootstrap over cases and not a Laplace approximation: the objective is a Monte Carlo
/// estimate of a step function (a level count changes by whole draws), so its Hessian at the
/// optimum is not defined and finite differences of it measure noise; and with a few dozen cases
/// the spread that matters is which episodes history happened to deal, which is exactly what
/// resampling the cases imitates. Each fit is the same deterministic compass search, so the
/// spread is reproducible from its seed.
public struct ParameterSpread: Hashable, Sendable {
    /// One fit: free parameter name to its fitted value.
    public var fits: [[String: Double]]
    /// The names the fits set, in the order of the fit.
    public var names: [String]

    public init(names: [String], fits: [[String: Double]]) {
        self.names = names
        self.fits = fits
    }
}
