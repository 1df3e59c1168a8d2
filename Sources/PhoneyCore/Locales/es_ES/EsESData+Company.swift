extension EsESData {
    /// Legal forms of Spanish companies.
    static let companySuffixes: StaticString = """
        S.A.
        S.L.
        S.L.U.
        S.A.U.
        S.Coop.
        S.L.L.
        """

    /// Company name formats, weighted.
    static let companyFormats: StaticString = """
        {last} {suffix}\t8
        {last} y {last} {suffix}\t2
        Hermanos {last} {suffix}\t1
        {last} e Hijos {suffix}\t1
        {last} y Asociados\t1
        Grupo {last}\t1
        Construcciones {last} {suffix}\t1
        Transportes {last} {suffix}\t1
        """

    /// Job titles in Spanish.
    static let jobs: StaticString = """
        Abogado
        Administrativo
        Administrador de sistemas
        Agente de seguros
        Agente inmobiliario
        Agricultor
        Albañil
        Analista de datos
        Arquitecto
        Auxiliar administrativo
        Auxiliar de enfermería
        Bibliotecario
        Bombero
        Cajero
        Camarero
        Camionero
        Carnicero
        Carpintero
        Carretillero
        Cartero
        Cocinero
        Comercial
        Conductor de autobús
        Conserje
        Contable
        Consultor
        Dependiente
        Director de recursos humanos
        Director financiero
        Diseñador gráfico
        Economista
        Educador infantil
        Electricista
        Enfermero
        Farmacéutico
        Fisioterapeuta
        Fontanero
        Fotógrafo
        Ganadero
        Gestor de proyectos
        Guardia civil
        Guía turístico
        Ingeniero de caminos
        Ingeniero industrial
        Ingeniero informático
        Investigador
        Jardinero
        Jefe de obra
        Jefe de ventas
        Juez
        Logopeda
        Maestro
        Mecánico
        Médico
        Monitor deportivo
        Mozo de almacén
        Notario
        Odontólogo
        Óptico
        Panadero
        Peluquero
        Periodista
        Pescador
        Pintor
        Policía nacional
        Profesor de secundaria
        Programador
        Psicólogo
        Recepcionista
        Repartidor
        Secretario
        Socorrista
        Soldador
        Taxista
        Técnico de mantenimiento
        Técnico de prevención de riesgos laborales
        Teleoperador
        Trabajador social
        Traductor
        Tripulante de cabina
        Veterinario
        """
}
