extension PtBRData {
    /// Legal-form suffixes of companies.
    static let companySuffixes: StaticString = """
        Ltda.
        S.A.
        S/A
        ME
        EPP
        EIRELI
        SLU
        """

    /// Company name formats with relative weights.
    static let companyFormats: StaticString = """
        {last} {suffix}\t5
        {last} Ltda.\t3
        {last} & {last} {suffix}\t2
        {last}, {last} e {last} {suffix}\t1
        {last} e Filhos {suffix}\t1
        Comercial {last} {suffix}\t1
        Grupo {last}\t1
        {last} & Cia.\t1
        """

    /// Job titles.
    static let jobs: StaticString = """
        Advogado
        Médico
        Enfermeiro
        Técnico de enfermagem
        Engenheiro civil
        Engenheiro eletricista
        Engenheiro de produção
        Arquiteto
        Professor
        Professor universitário
        Pedagogo
        Contador
        Farmacêutico
        Dentista
        Psicólogo
        Fisioterapeuta
        Nutricionista
        Veterinário
        Jornalista
        Publicitário
        Designer gráfico
        Programador
        Desenvolvedor de software
        Analista de sistemas
        Analista financeiro
        Analista de recursos humanos
        Administrador
        Economista
        Auxiliar administrativo
        Assistente administrativo
        Recepcionista
        Secretária
        Vendedor
        Operador de caixa
        Repositor
        Gerente de loja
        Motorista
        Motorista de aplicativo
        Caminhoneiro
        Motoboy
        Entregador
        Mecânico
        Eletricista
        Encanador
        Pedreiro
        Servente de obras
        Pintor
        Marceneiro
        Carpinteiro
        Serralheiro
        Soldador
        Cozinheiro
        Garçom
        Padeiro
        Açougueiro
        Confeiteiro
        Cabeleireiro
        Manicure
        Barbeiro
        Esteticista
        Diarista
        Empregada doméstica
        Babá
        Cuidador de idosos
        Porteiro
        Vigilante
        Policial militar
        Policial civil
        Bombeiro
        Agricultor
        Pescador
        Técnico em informática
        Operador de telemarketing
        Corretor de imóveis
        Corretor de seguros
        Bancário
        Servidor público
        Tradutor
        Fotógrafo
        Agente de saúde
        Auxiliar de limpeza
        Costureira
        Frentista
        Cobrador de ônibus
        Zelador
        Assistente social
        Juiz
        Promotor de justiça
        Delegado
        Piloto de avião
        Comissário de bordo
        """
}
