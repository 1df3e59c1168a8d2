extension ItITData {
    /// Legal-form suffixes of companies.
    static let companySuffixes: StaticString = """
        S.p.A.
        S.r.l.
        S.r.l.s.
        S.n.c.
        S.a.s.
        S.s.
        S.c.a.r.l.
        """

    /// Company name formats with relative weights.
    static let companyFormats: StaticString = """
        {last} {suffix}\t5
        {last} S.r.l.\t3
        {last} e {last} {suffix}\t1
        {last}, {last} e {last} {suffix}\t1
        {last} & C. {suffix}\t1
        F.lli {last} {suffix}\t1
        Gruppo {last} {suffix}\t1
        """

    /// Job titles.
    static let jobs: StaticString = """
        Avvocato
        Medico di base
        Medico chirurgo
        Infermiere
        Ingegnere civile
        Ingegnere meccanico
        Ingegnere informatico
        Architetto
        Geometra
        Insegnante di scuola primaria
        Professore di liceo
        Docente universitario
        Educatore
        Commercialista
        Consulente del lavoro
        Notaio
        Magistrato
        Farmacista
        Dentista
        Veterinario
        Psicologo
        Fisioterapista
        Ostetrica
        Operatore socio-sanitario
        Impiegato amministrativo
        Segretaria
        Receptionist
        Contabile
        Responsabile delle risorse umane
        Direttore commerciale
        Agente di commercio
        Agente immobiliare
        Agente assicurativo
        Consulente finanziario
        Bancario
        Cassiere
        Commesso
        Magazziniere
        Operaio
        Operaio metalmeccanico
        Elettricista
        Idraulico
        Muratore
        Falegname
        Imbianchino
        Fabbro
        Meccanico
        Carrozziere
        Autista
        Camionista
        Tassista
        Corriere
        Postino
        Cuoco
        Pizzaiolo
        Cameriere
        Barista
        Pasticciere
        Panettiere
        Macellaio
        Parrucchiere
        Estetista
        Sarto
        Agricoltore
        Viticoltore
        Pescatore
        Giornalista
        Fotografo
        Grafico
        Programmatore
        Sviluppatore software
        Sistemista
        Analista dati
        Tecnico informatico
        Traduttore
        Interprete
        Guida turistica
        Bibliotecario
        Carabiniere
        Agente di polizia
        Vigile del fuoco
        Vigile urbano
        Militare
        Assistente di volo
        Pilota di linea
        Badante
        Colf
        Addetto alle pulizie
        Guardia giurata
        Artigiano
        Restauratore
        Orafo
        Musicista
        Attore
        """
}
