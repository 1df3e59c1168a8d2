extension PtBRData {
    /// The 26 states and the Federal District: name, UF code.
    static let regions: StaticString = """
        Acre\tAC
        Alagoas\tAL
        Amapá\tAP
        Amazonas\tAM
        Bahia\tBA
        Ceará\tCE
        Distrito Federal\tDF
        Espírito Santo\tES
        Goiás\tGO
        Maranhão\tMA
        Mato Grosso\tMT
        Mato Grosso do Sul\tMS
        Minas Gerais\tMG
        Pará\tPA
        Paraíba\tPB
        Paraná\tPR
        Pernambuco\tPE
        Piauí\tPI
        Rio de Janeiro\tRJ
        Rio Grande do Norte\tRN
        Rio Grande do Sul\tRS
        Rondônia\tRO
        Roraima\tRR
        Santa Catarina\tSC
        São Paulo\tSP
        Sergipe\tSE
        Tocantins\tTO
        """

    /// City, UF code, CEP pattern (`#` a digit) with the city's real leading digits.
    static let cities: StaticString = """
        São Paulo\tSP\t0####-###
        Guarulhos\tSP\t071##-###
        Campinas\tSP\t130##-###
        São Bernardo do Campo\tSP\t097##-###
        Santo André\tSP\t091##-###
        Osasco\tSP\t060##-###
        Santos\tSP\t110##-###
        Ribeirão Preto\tSP\t140##-###
        Sorocaba\tSP\t180##-###
        São José dos Campos\tSP\t122##-###
        Mauá\tSP\t093##-###
        São José do Rio Preto\tSP\t150##-###
        Mogi das Cruzes\tSP\t087##-###
        Diadema\tSP\t099##-###
        Jundiaí\tSP\t1320#-###
        Piracicaba\tSP\t1341#-###
        Bauru\tSP\t170##-###
        Carapicuíba\tSP\t063##-###
        Itaquaquecetuba\tSP\t0857#-###
        Franca\tSP\t1440#-###
        Taubaté\tSP\t120##-###
        Limeira\tSP\t1348#-###
        Praia Grande\tSP\t1170#-###
        Guarujá\tSP\t1141#-###
        Suzano\tSP\t086##-###
        Barueri\tSP\t064##-###
        Presidente Prudente\tSP\t190##-###
        Marília\tSP\t1750#-###
        São Carlos\tSP\t1356#-###
        Araraquara\tSP\t1480#-###
        Americana\tSP\t1347#-###
        Rio de Janeiro\tRJ\t22###-###
        São Gonçalo\tRJ\t244##-###
        Duque de Caxias\tRJ\t250##-###
        Nova Iguaçu\tRJ\t260##-###
        Niterói\tRJ\t240##-###
        Belford Roxo\tRJ\t261##-###
        São João de Meriti\tRJ\t255##-###
        Campos dos Goytacazes\tRJ\t280##-###
        Petrópolis\tRJ\t256##-###
        Volta Redonda\tRJ\t272##-###
        Macaé\tRJ\t279##-###
        Cabo Frio\tRJ\t2890#-###
        Nova Friburgo\tRJ\t2861#-###
        Angra dos Reis\tRJ\t2390#-###
        Resende\tRJ\t2751#-###
        Teresópolis\tRJ\t2596#-###
        Belo Horizonte\tMG\t30###-###
        Uberlândia\tMG\t3840#-###
        Contagem\tMG\t320##-###
        Juiz de Fora\tMG\t360##-###
        Betim\tMG\t326##-###
        Montes Claros\tMG\t3940#-###
        Ribeirão das Neves\tMG\t338##-###
        Uberaba\tMG\t380##-###
        Governador Valadares\tMG\t350##-###
        Ipatinga\tMG\t3516#-###
        Sete Lagoas\tMG\t3570#-###
        Divinópolis\tMG\t3550#-###
        Santa Luzia\tMG\t330##-###
        Poços de Caldas\tMG\t3770#-###
        Ouro Preto\tMG\t35400-###
        Patos de Minas\tMG\t3870#-###
        Teófilo Otoni\tMG\t3980#-###
        Vitória\tES\t290##-###
        Vila Velha\tES\t2910#-###
        Serra\tES\t2916#-###
        Cariacica\tES\t2914#-###
        Cachoeiro de Itapemirim\tES\t2930#-###
        Linhares\tES\t2990#-###
        Porto Alegre\tRS\t90###-###
        Caxias do Sul\tRS\t950##-###
        Pelotas\tRS\t960##-###
        Canoas\tRS\t920##-###
        Santa Maria\tRS\t970##-###
        Gravataí\tRS\t940##-###
        Viamão\tRS\t944##-###
        Novo Hamburgo\tRS\t933##-###
        São Leopoldo\tRS\t930##-###
        Rio Grande\tRS\t9620#-###
        Passo Fundo\tRS\t990##-###
        Alvorada\tRS\t948##-###
        Santa Cruz do Sul\tRS\t9681#-###
        Bento Gonçalves\tRS\t9570#-###
        Uruguaiana\tRS\t9750#-###
        Curitiba\tPR\t81###-###
        Londrina\tPR\t860##-###
        Maringá\tPR\t870##-###
        Ponta Grossa\tPR\t840##-###
        Cascavel\tPR\t8580#-###
        São José dos Pinhais\tPR\t830##-###
        Foz do Iguaçu\tPR\t8585#-###
        Colombo\tPR\t8340#-###
        Guarapuava\tPR\t850##-###
        Paranaguá\tPR\t8320#-###
        Apucarana\tPR\t8680#-###
        Joinville\tSC\t8920#-###
        Florianópolis\tSC\t880##-###
        Blumenau\tSC\t890##-###
        São José\tSC\t8810#-###
        Chapecó\tSC\t8980#-###
        Itajaí\tSC\t8830#-###
        Criciúma\tSC\t8880#-###
        Jaraguá do Sul\tSC\t8925#-###
        Lages\tSC\t8850#-###
        Balneário Camboriú\tSC\t8833#-###
        Palhoça\tSC\t8813#-###
        Salvador\tBA\t41###-###
        Feira de Santana\tBA\t440##-###
        Vitória da Conquista\tBA\t450##-###
        Camaçari\tBA\t4280#-###
        Itabuna\tBA\t4560#-###
        Juazeiro\tBA\t4890#-###
        Lauro de Freitas\tBA\t4270#-###
        Ilhéus\tBA\t4565#-###
        Jequié\tBA\t4520#-###
        Teixeira de Freitas\tBA\t4599#-###
        Barreiras\tBA\t4780#-###
        Porto Seguro\tBA\t4581#-###
        Recife\tPE\t50###-###
        Jaboatão dos Guararapes\tPE\t540##-###
        Olinda\tPE\t530##-###
        Caruaru\tPE\t550##-###
        Petrolina\tPE\t5630#-###
        Paulista\tPE\t534##-###
        Cabo de Santo Agostinho\tPE\t545##-###
        Garanhuns\tPE\t5529#-###
        Fortaleza\tCE\t60###-###
        Caucaia\tCE\t616##-###
        Juazeiro do Norte\tCE\t630##-###
        Maracanaú\tCE\t6190#-###
        Sobral\tCE\t620##-###
        Crato\tCE\t6310#-###
        Belém\tPA\t66###-###
        Ananindeua\tPA\t670##-###
        Santarém\tPA\t680##-###
        Marabá\tPA\t6850#-###
        Castanhal\tPA\t6874#-###
        Manaus\tAM\t690##-###
        Parintins\tAM\t6915#-###
        Itacoatiara\tAM\t6910#-###
        São Luís\tMA\t650##-###
        Imperatriz\tMA\t6590#-###
        Timon\tMA\t6563#-###
        Goiânia\tGO\t743##-###
        Aparecida de Goiânia\tGO\t749##-###
        Anápolis\tGO\t750##-###
        Rio Verde\tGO\t7590#-###
        Brasília\tDF\t70###-###
        Taguatinga\tDF\t720##-###
        Ceilândia\tDF\t722##-###
        Cuiabá\tMT\t780##-###
        Várzea Grande\tMT\t7811#-###
        Rondonópolis\tMT\t787##-###
        Sinop\tMT\t7855#-###
        Campo Grande\tMS\t790##-###
        Dourados\tMS\t7980#-###
        Três Lagoas\tMS\t7960#-###
        Corumbá\tMS\t7930#-###
        João Pessoa\tPB\t580##-###
        Campina Grande\tPB\t5840#-###
        Santa Rita\tPB\t5830#-###
        Patos\tPB\t5870#-###
        Natal\tRN\t590##-###
        Mossoró\tRN\t5960#-###
        Parnamirim\tRN\t5914#-###
        Maceió\tAL\t570##-###
        Arapiraca\tAL\t5730#-###
        Aracaju\tSE\t490##-###
        Nossa Senhora do Socorro\tSE\t4916#-###
        Lagarto\tSE\t4940#-###
        Teresina\tPI\t640##-###
        Parnaíba\tPI\t6420#-###
        Picos\tPI\t6460#-###
        Palmas\tTO\t770##-###
        Araguaína\tTO\t7780#-###
        Gurupi\tTO\t7740#-###
        Porto Velho\tRO\t7680#-###
        Ji-Paraná\tRO\t7690#-###
        Ariquemes\tRO\t7687#-###
        Rio Branco\tAC\t6990#-###
        Cruzeiro do Sul\tAC\t6998#-###
        Macapá\tAP\t6890#-###
        Santana\tAP\t6892#-###
        Boa Vista\tRR\t6930#-###
        """

    /// Full street names including their type (Rua, Avenida, Travessa, Alameda, Praça…).
    static let streetNames: StaticString = """
        Rua das Flores
        Avenida Paulista
        Rua Sete de Setembro
        Avenida Sete de Setembro
        Rua XV de Novembro
        Praça XV de Novembro
        Avenida Brasil
        Rua São José
        Rua São João
        Avenida São João
        Rua São Paulo
        Rua São Pedro
        Rua São Jorge
        Rua São Francisco
        Rua São Sebastião
        Rua Santo Antônio
        Rua Santa Catarina
        Rua Santa Luzia
        Rua Santa Rita
        Rua Tiradentes
        Praça Tiradentes
        Rua Dom Pedro II
        Avenida Dom Pedro I
        Avenida Getúlio Vargas
        Rua Santos Dumont
        Avenida Santos Dumont
        Rua Rui Barbosa
        Avenida Presidente Vargas
        Avenida Presidente Kennedy
        Rua Barão do Rio Branco
        Avenida Rio Branco
        Rua Marechal Deodoro
        Rua Floriano Peixoto
        Rua Duque de Caxias
        Rua Princesa Isabel
        Rua Castro Alves
        Rua Machado de Assis
        Rua José de Alencar
        Rua Olavo Bilac
        Rua Gonçalves Dias
        Rua Carlos Gomes
        Rua Visconde de Mauá
        Rua Visconde de Pirajá
        Avenida Atlântica
        Avenida Nossa Senhora de Copacabana
        Rua Augusta
        Rua Oscar Freire
        Rua da Consolação
        Avenida Rebouças
        Avenida Brigadeiro Faria Lima
        Avenida Ipiranga
        Rua Vinte e Cinco de Março
        Rua Haddock Lobo
        Alameda Santos
        Alameda Lorena
        Alameda Campinas
        Avenida Afonso Pena
        Avenida Amazonas
        Rua da Bahia
        Avenida Boa Viagem
        Avenida Beira-Mar
        Avenida Borges de Medeiros
        Avenida Independência
        Rua dos Andradas
        Avenida Oswaldo Cruz
        Rua Voluntários da Pátria
        Rua Direita
        Rua do Comércio
        Rua da Paz
        Rua da Liberdade
        Rua da Independência
        Rua da República
        Rua da Igreja
        Rua da Praia
        Rua da Matriz
        Rua do Sol
        Rua das Palmeiras
        Rua das Acácias
        Rua das Orquídeas
        Rua das Margaridas
        Rua dos Girassóis
        Rua das Hortênsias
        Rua dos Ipês
        Rua das Mangueiras
        Rua dos Coqueiros
        Rua das Laranjeiras
        Rua dos Jasmins
        Rua das Violetas
        Rua das Rosas
        Rua dos Lírios
        Rua das Camélias
        Rua dos Cravos
        Rua Amazonas
        Rua Pará
        Rua Bahia
        Rua Minas Gerais
        Rua Goiás
        Rua Paraná
        Rua Ceará
        Rua Pernambuco
        Rua Maranhão
        Rua Piauí
        Rua Sergipe
        Rua Alagoas
        Rua Paraíba
        Rua Rio Grande do Sul
        Rua Espírito Santo
        Rua Mato Grosso
        Rua Acre
        Rua Rondônia
        Rua Tocantins
        Rua Amapá
        Rua Rio de Janeiro
        Rua Argentina
        Rua Uruguai
        Rua Paraguai
        Rua Chile
        Rua Peru
        Rua Bolívia
        Rua Portugal
        Rua Itália
        Rua Japão
        Avenida Juscelino Kubitschek
        Rua Prudente de Morais
        Rua Campos Sales
        Rua Benjamin Constant
        Rua Quintino Bocaiúva
        Rua Bento Gonçalves
        Rua Anita Garibaldi
        Rua Padre Anchieta
        Rua José Bonifácio
        Rua Joaquim Nabuco
        Rua General Osório
        Rua Almirante Barroso
        Rua Senador Dantas
        Rua do Ouvidor
        Rua da Quitanda
        Rua Primeiro de Março
        Avenida Nove de Julho
        Avenida Vinte e Três de Maio
        Rua Treze de Maio
        Rua Mem de Sá
        Rua Riachuelo
        Rua Boa Vista
        Rua Bom Jesus
        Rua Nova
        Rua Vergueiro
        Rua Teodoro Sampaio
        Rua Cardeal Arcoverde
        Rua Frei Caneca
        Rua Bela Cintra
        Avenida Angélica
        Avenida Higienópolis
        Rua Maria Antônia
        Avenida Doutor Arnaldo
        Rua Barata Ribeiro
        Rua Siqueira Campos
        Rua Conde de Bonfim
        Avenida Epitácio Pessoa
        Avenida Vieira Souto
        Avenida Delfim Moreira
        Avenida das Américas
        Avenida Ayrton Senna
        Rua Jardim Botânico
        Avenida Presidente Antônio Carlos
        Avenida Tancredo Neves
        Avenida Ulysses Guimarães
        Avenida Washington Luís
        Avenida dos Bandeirantes
        Avenida Santo Amaro
        Avenida Ibirapuera
        Avenida das Nações Unidas
        Rodovia Raposo Tavares
        Travessa São José
        Travessa da Paz
        Travessa dos Pescadores
        Travessa Santa Teresa
        Travessa do Comércio
        Alameda dos Anjos
        Alameda das Rosas
        Praça da Sé
        Praça da República
        Praça da Matriz
        Praça Sete de Setembro
        Largo do Machado
        Largo de São Francisco
        Estrada do Arraial
        Estrada Velha
        """

    /// House number patterns.
    static let buildingNumberFormats: StaticString = """
        #
        ##
        ###
        ####
        """
}
