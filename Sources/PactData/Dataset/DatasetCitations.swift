/// The published datasets the embedded actor attributes come from, each with its release and the
/// citation its publisher asks for (`pact data sources --citations`, docs/DATA.md).
public struct DatasetCitation: Hashable, Sendable {
    public var dataset: String
    public var release: String
    /// What Pact takes from it.
    public var used: String
    /// The citation as the publisher (or its archivist) asks for it.
    public var citation: String
    /// Terms of use, as stated by the publisher.
    public var terms: String

    public static let embedded: [DatasetCitation] = [
        DatasetCitation(
            dataset: "World Bank, World Development Indicators",
            release: "series SP.POP.TOTL and NY.GDP.MKTP.CD downloaded July 2026; MS.MIL.TOTL.P1 updated 2026-04-08",
            used: "population (persons), GDP (current US$), armed forces personnel (persons, incl. paramilitary; source IISS, to 2020)",
            citation: "World Bank, World Development Indicators (series SP.POP.TOTL, NY.GDP.MKTP.CD, MS.MIL.TOTL.P1). Washington, DC: The World Bank.",
            terms: "CC BY 4.0 (World Bank data licence)"),
        DatasetCitation(
            dataset: "SIPRI Military Expenditure Database",
            release: "2025 release (data 1949-2024), sheet 'Current US$'",
            used: "military expenditure, current US$ m, with SIPRI's cell flags (estimate, highly uncertain)",
            citation: "SIPRI Military Expenditure Database, https://doi.org/10.55163/CQGC9685",
            terms: "non-commercial research and teaching; reproduction of less than 10% of the data set, with the citation"),
        DatasetCitation(
            dataset: "V-Dem Country-Year dataset",
            release: "v15 (2025)",
            used: "electoral democracy index v2x_polyarchy (0-1) with its 68% bounds v2x_polyarchy_codelow/codehigh",
            citation: "Coppedge, Michael, John Gerring, Carl Henrik Knutsen, Staffan I. Lindberg, Jan Teorell, et al. 2025. \"V-Dem [Country-Year] Dataset v15\". Varieties of Democracy (V-Dem) Project. https://doi.org/10.23696/vdemds25",
            terms: "CC BY-SA 4.0 (CC BY 4.0 in some archives)"),
        DatasetCitation(
            dataset: "Correlates of War, National Material Capabilities",
            release: "v6.0 (2021), data to 2016",
            used: "the published CINC, to check the capability index against (not embedded in the attributes)",
            citation: "Singer, J. David, Stuart Bremer, and John Stuckey. 1972. \"Capability Distribution, Uncertainty, and Major Power War, 1820-1965.\" In Bruce Russett (ed.), Peace, War, and Numbers, 19-48. Beverly Hills: Sage. Singer, J. David. 1987. \"Reconstructing the Correlates of War Dataset on Material Capabilities of States, 1816-1985.\" International Interactions 14: 115-32.",
            terms: "free with proper citation"),
    ]
}
