extension EnGBData {
    /// Company name suffixes used in the UK.
    static let companySuffixes: StaticString = """
        Ltd
        Limited
        PLC
        LLP
        and Sons
        & Co
        Group
        Holdings
        """

    /// Company name formats, weighted.
    static let companyFormats: StaticString = """
        {last} {suffix}\t8
        {last} & {last} {suffix}\t2
        {last} & {last}\t2
        {last}-{last}\t1
        {last}, {last} and {last}\t1
        {last} and Partners\t1
        """
}
