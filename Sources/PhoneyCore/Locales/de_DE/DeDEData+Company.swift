extension DeDEData {
    /// Legal forms of German companies.
    static let companySuffixes: StaticString = """
        GmbH
        AG
        GmbH & Co. KG
        KG
        OHG
        e.V.
        UG (haftungsbeschränkt)
        GbR
        e.K.
        SE
        """

    /// Company name formats, weighted.
    static let companyFormats: StaticString = """
        {last} {suffix}\t8
        {last} & {last} {suffix}\t2
        {last}-{last} {suffix}\t2
        {last} & {last}\t1
        {last}-{last}\t1
        {last} & Partner\t1
        {last} & Söhne\t1
        {last} Bau {suffix}\t1
        Autohaus {last}\t1
        Bäckerei {last}\t1
        """

    /// Job titles in German.
    static let jobs: StaticString = """
        Altenpfleger
        Apotheker
        Architekt
        Arzt
        Augenoptiker
        Bäcker
        Bankkaufmann
        Bauingenieur
        Bauleiter
        Berufskraftfahrer
        Bibliothekar
        Buchhalter
        Busfahrer
        Controller
        Dachdecker
        Datenanalyst
        Dolmetscher
        Einzelhandelskaufmann
        Elektroniker
        Erzieher
        Fachinformatiker für Anwendungsentwicklung
        Fachkraft für Lagerlogistik
        Fahrlehrer
        Feuerwehrmann
        Finanzberater
        Fleischer
        Florist
        Fotograf
        Friseur
        Gärtner
        Geschäftsführer
        Grafikdesigner
        Hausmeister
        Hebamme
        Heilpraktiker
        Hotelfachmann
        Immobilienmakler
        Industriekaufmann
        Industriemechaniker
        Journalist
        Kassierer
        Kaufmann für Büromanagement
        Kfz-Mechatroniker
        Kinderpfleger
        Koch
        Landwirt
        Lehrer
        Logopäde
        Maler und Lackierer
        Marketingmanager
        Maschinenbauingenieur
        Maurer
        Medizinischer Fachangestellter
        Notar
        Personalreferent
        Pflegefachmann
        Physiotherapeut
        Pilot
        Polizeibeamter
        Projektmanager
        Psychologe
        Rechtsanwalt
        Redakteur
        Richter
        Schornsteinfeger
        Sekretär
        Softwareentwickler
        Sozialarbeiter
        Steuerberater
        Systemadministrator
        Tierarzt
        Tischler
        Übersetzer
        Unternehmensberater
        Verkäufer
        Versicherungskaufmann
        Vertriebsmitarbeiter
        Verwaltungsfachangestellter
        Wirtschaftsprüfer
        Zahnarzt
        Zimmerer
        Anlagenmechaniker für Sanitär-, Heizungs- und Klimatechnik
        """
}
