extension EsESData {
    /// The 50 provinces and the autonomous cities of Ceuta and Melilla, with their 2-digit postcode prefix.
    static let regions: StaticString = """
        Álava\t01
        Albacete\t02
        Alicante\t03
        Almería\t04
        Ávila\t05
        Badajoz\t06
        Illes Balears\t07
        Barcelona\t08
        Burgos\t09
        Cáceres\t10
        Cádiz\t11
        Castellón\t12
        Ciudad Real\t13
        Córdoba\t14
        A Coruña\t15
        Cuenca\t16
        Girona\t17
        Granada\t18
        Guadalajara\t19
        Gipuzkoa\t20
        Huelva\t21
        Huesca\t22
        Jaén\t23
        León\t24
        Lleida\t25
        La Rioja\t26
        Lugo\t27
        Madrid\t28
        Málaga\t29
        Murcia\t30
        Navarra\t31
        Ourense\t32
        Asturias\t33
        Palencia\t34
        Las Palmas\t35
        Pontevedra\t36
        Salamanca\t37
        Santa Cruz de Tenerife\t38
        Cantabria\t39
        Segovia\t40
        Sevilla\t41
        Soria\t42
        Tarragona\t43
        Teruel\t44
        Toledo\t45
        Valencia\t46
        Valladolid\t47
        Bizkaia\t48
        Zamora\t49
        Zaragoza\t50
        Ceuta\t51
        Melilla\t52
        """

    /// Real municipalities: city, province postcode prefix, postcode pattern.
    static let cities: StaticString = """
        Madrid\t28\t280##
        Barcelona\t08\t080##
        Valencia\t46\t460##
        Sevilla\t41\t410##
        Zaragoza\t50\t500##
        Málaga\t29\t290##
        Murcia\t30\t300##
        Palma\t07\t070##
        Las Palmas de Gran Canaria\t35\t350##
        Bilbao\t48\t480##
        Alicante\t03\t030##
        Córdoba\t14\t140##
        Valladolid\t47\t470##
        Vigo\t36\t362##
        Gijón\t33\t332##
        L'Hospitalet de Llobregat\t08\t0890#
        Vitoria-Gasteiz\t01\t010##
        A Coruña\t15\t150##
        Granada\t18\t180##
        Elche\t03\t032##
        Oviedo\t33\t330##
        Badalona\t08\t0891#
        Cartagena\t30\t302##
        Terrassa\t08\t0822#
        Jerez de la Frontera\t11\t1140#
        Sabadell\t08\t0820#
        Móstoles\t28\t2893#
        Santa Cruz de Tenerife\t38\t380##
        Pamplona\t31\t310##
        Almería\t04\t040##
        Alcalá de Henares\t28\t2880#
        Fuenlabrada\t28\t2894#
        Leganés\t28\t2891#
        San Sebastián\t20\t200##
        Getafe\t28\t2890#
        Burgos\t09\t090##
        Albacete\t02\t020##
        Santander\t39\t390##
        Castellón de la Plana\t12\t120##
        Alcorcón\t28\t2892#
        San Cristóbal de La Laguna\t38\t382##
        Logroño\t26\t260##
        Badajoz\t06\t060##
        Salamanca\t37\t370##
        Huelva\t21\t210##
        Marbella\t29\t296##
        Lleida\t25\t250##
        Tarragona\t43\t430##
        León\t24\t240##
        Cádiz\t11\t110##
        Dos Hermanas\t41\t417##
        Mataró\t08\t0830#
        Torrejón de Ardoz\t28\t2885#
        Parla\t28\t2898#
        Algeciras\t11\t112##
        Jaén\t23\t230##
        Ourense\t32\t320##
        Reus\t43\t432##
        Telde\t35\t352##
        Barakaldo\t48\t4890#
        Lugo\t27\t270##
        Girona\t17\t170##
        Santiago de Compostela\t15\t157##
        Cáceres\t10\t100##
        Lorca\t30\t308##
        Coslada\t28\t2882#
        Talavera de la Reina\t45\t4560#
        El Puerto de Santa María\t11\t1150#
        Cornellà de Llobregat\t08\t0894#
        Avilés\t33\t334##
        Palencia\t34\t340##
        Getxo\t48\t4899#
        Orihuela\t03\t033##
        Pontevedra\t36\t3600#
        Pozuelo de Alarcón\t28\t2822#
        Torrevieja\t03\t0318#
        Benidorm\t03\t0350#
        Toledo\t45\t450##
        Guadalajara\t19\t190##
        Ciudad Real\t13\t130##
        Cuenca\t16\t160##
        Segovia\t40\t400##
        Ávila\t05\t050##
        Soria\t42\t420##
        Zamora\t49\t490##
        Teruel\t44\t440##
        Huesca\t22\t220##
        Ponferrada\t24\t244##
        Ceuta\t51\t510##
        Melilla\t52\t520##
        Mérida\t06\t068##
        Gandia\t46\t4670#
        Sagunto\t46\t465##
        Torrent\t46\t469##
        Alzira\t46\t466##
        Elda\t03\t036##
        Alcoy\t03\t038##
        Vila-real\t12\t1254#
        Ferrol\t15\t154##
        Manresa\t08\t0824#
        Granollers\t08\t0840#
        Sant Cugat del Vallès\t08\t0817#
        Rubí\t08\t0819#
        Castelldefels\t08\t0886#
        Vilanova i la Geltrú\t08\t0880#
        Figueres\t17\t1760#
        Blanes\t17\t1730#
        Tortosa\t43\t4350#
        Ibiza\t07\t078##
        Manacor\t07\t0750#
        Mahón\t07\t0770#
        Arrecife\t35\t355##
        Puerto del Rosario\t35\t356##
        Arona\t38\t386#0
        Puerto de la Cruz\t38\t384##
        Sanlúcar de Barrameda\t11\t1154#
        Chiclana de la Frontera\t11\t1113#
        San Fernando\t11\t111##
        La Línea de la Concepción\t11\t1130#
        Motril\t18\t1860#
        Linares\t23\t237##
        Úbeda\t23\t2340#
        Écija\t41\t4140#
        Utrera\t41\t4171#
        Alcalá de Guadaíra\t41\t4150#
        Antequera\t29\t2920#
        Vélez-Málaga\t29\t2970#
        Fuengirola\t29\t2964#
        Torremolinos\t29\t2962#
        Estepona\t29\t2968#
        Benalmádena\t29\t2963#
        Roquetas de Mar\t04\t0474#
        El Ejido\t04\t047##
        Lucena\t14\t1490#
        Puertollano\t13\t1350#
        Tomelloso\t13\t1370#
        Aranjuez\t28\t2830#
        Las Rozas de Madrid\t28\t2823#
        Majadahonda\t28\t2822#
        Alcobendas\t28\t2810#
        San Sebastián de los Reyes\t28\t2870#
        Rivas-Vaciamadrid\t28\t2852#
        Valdemoro\t28\t2834#
        Collado Villalba\t28\t2840#
        Torrelavega\t39\t393##
        Irun\t20\t2030#
        Eibar\t20\t2060#
        Portugalete\t48\t4892#
        Santurtzi\t48\t4898#
        Tudela\t31\t315##
        Calahorra\t26\t2650#
        Miranda de Ebro\t09\t092##
        Aranda de Duero\t09\t0940#
        Medina del Campo\t47\t474##
        Benavente\t49\t4960#
        Plasencia\t10\t1060#
        Don Benito\t06\t0640#
        Almendralejo\t06\t0620#
        Molina de Segura\t30\t3050#
        Paterna\t46\t4698#
        Calatayud\t50\t5030#
        Jaca\t22\t2270#
        Monzón\t22\t2240#
        Alcañiz\t44\t4460#
        Langreo\t33\t3390#
        Mieres\t33\t336##
        Narón\t15\t1557#
        Monforte de Lemos\t27\t2740#
        Vilagarcía de Arousa\t36\t3660#
        """

    /// Full street names including their type (Calle, Avenida, Plaza, Paseo, Ronda, Camino, Carretera).
    static let streetNames: StaticString = """
        Calle Mayor
        Calle Real
        Calle Nueva
        Calle Ancha
        Calle Alta
        Calle Larga
        Calle del Carmen
        Calle de la Iglesia
        Calle del Sol
        Calle de la Luna
        Calle de la Paz
        Calle del Pilar
        Calle del Rosario
        Calle de la Fuente
        Calle del Agua
        Calle del Río
        Calle del Molino
        Calle del Horno
        Calle de la Huerta
        Calle de las Flores
        Calle del Olivo
        Calle de los Almendros
        Calle de los Pinos
        Calle de la Cruz
        Calle del Castillo
        Calle de la Estación
        Calle de San Juan
        Calle de San Pedro
        Calle de San José
        Calle de San Antonio
        Calle de San Francisco
        Calle de San Miguel
        Calle de Santiago
        Calle de Santa Ana
        Calle de Santa María
        Calle de Santa Teresa
        Calle de Santa Clara
        Calle de la Virgen
        Calle del Cristo
        Calle de Cervantes
        Calle de Lope de Vega
        Calle de Quevedo
        Calle de Góngora
        Calle de Calderón de la Barca
        Calle de Antonio Machado
        Calle de Federico García Lorca
        Calle de Miguel Hernández
        Calle de Juan Ramón Jiménez
        Calle de Rosalía de Castro
        Calle de Pérez Galdós
        Calle de Gustavo Adolfo Bécquer
        Calle de Rafael Alberti
        Calle de Ramón y Cajal
        Calle de Severo Ochoa
        Calle de Isaac Peral
        Calle de Goya
        Calle de Velázquez
        Calle de Murillo
        Calle de Zurbarán
        Calle de Joaquín Sorolla
        Calle de Pablo Picasso
        Calle de Isabel la Católica
        Calle de Cristóbal Colón
        Calle de Alfonso XIII
        Calle de los Reyes Católicos
        Calle del Príncipe
        Calle de la Reina
        Calle de Toledo
        Calle de Alcalá
        Calle de Serrano
        Calle de Atocha
        Calle de Fuencarral
        Calle de la Princesa
        Calle de Valencia
        Calle de Aragón
        Calle de Castilla
        Calle de Andalucía
        Calle de Galicia
        Calle de Cataluña
        Calle de Navarra
        Calle de Madrid
        Calle de Barcelona
        Calle de Sevilla
        Calle de Granada
        Calle de Málaga
        Calle de Zaragoza
        Calle de Burgos
        Calle de León
        Calle de Salamanca
        Calle del Doctor Fleming
        Calle de Méndez Núñez
        Calle de Pizarro
        Calle de Hernán Cortés
        Calle de Pelayo
        Calle de las Eras
        Calle del Pozo
        Calle del Hospital
        Calle de las Escuelas
        Calle del Mercado
        Calle del Comercio
        Calle de la Industria
        Calle de la Libertad
        Calle de la Constitución
        Calle de la Ermita
        Calle del Calvario
        Calle de la Soledad
        Calle de Blasco Ibáñez
        Calle de Miguel de Unamuno
        Calle de Ortega y Gasset
        Calle de Jovellanos
        Calle de Campoamor
        Calle de Espronceda
        Calle de Zorrilla
        Calle de Echegaray
        Calle de Núñez de Balboa
        Calle Larios
        Calle Sierpes
        Gran Vía
        Avenida de la Constitución
        Avenida de Andalucía
        Avenida de España
        Avenida de América
        Avenida de Europa
        Avenida de la Libertad
        Avenida de la Paz
        Avenida del Mediterráneo
        Avenida de los Reyes Católicos
        Avenida de Juan Carlos I
        Avenida del Puerto
        Avenida de la Estación
        Avenida de Portugal
        Avenida de Madrid
        Avenida de Valencia
        Avenida de Cervantes
        Avenida de Blas Infante
        Avenida de Ramón y Cajal
        Avenida de la Hispanidad
        Avenida de la Playa
        Avenida del Mar
        Paseo de la Castellana
        Paseo del Prado
        Paseo de Gracia
        Paseo Marítimo
        Paseo de la Estación
        Paseo del Parque
        Paseo de Colón
        Paseo de la Alameda
        Plaza Mayor
        Plaza de España
        Plaza de la Constitución
        Plaza del Ayuntamiento
        Plaza de la Iglesia
        Plaza de la Villa
        Plaza de San Juan
        Plaza del Mercado
        Plaza de Castilla
        Plaza de Cervantes
        Plaza Nueva
        Puerta del Sol
        Ronda de Valencia
        Ronda de Toledo
        Travesía de la Iglesia
        Camino Real
        Camino del Cementerio
        Carretera de Madrid
        Carretera de Valencia
        Glorieta de Bilbao
        """

    /// Building number patterns; leading digits are fixed so no number starts with 0.
    static let buildingNumberFormats: StaticString = """
        1
        2
        3
        4
        5
        6
        7
        8
        9
        1#
        2#
        3#
        4#
        5#
        6#
        7#
        8#
        9#
        1##
        2##
        """
}
