extension ItITData {
    /// The 20 regions: name, three-letter abbreviation.
    static let regions: StaticString = """
        Abruzzo\tABR
        Basilicata\tBAS
        Calabria\tCAL
        Campania\tCAM
        Emilia-Romagna\tEMR
        Friuli-Venezia Giulia\tFVG
        Lazio\tLAZ
        Liguria\tLIG
        Lombardia\tLOM
        Marche\tMAR
        Molise\tMOL
        Piemonte\tPIE
        Puglia\tPUG
        Sardegna\tSAR
        Sicilia\tSIC
        Toscana\tTOS
        Trentino-Alto Adige\tTAA
        Umbria\tUMB
        Valle d'Aosta\tVDA
        Veneto\tVEN
        """

    /// City, region abbreviation, CAP pattern (`#` a digit).
    static let cities: StaticString = """
        Roma\tLAZ\t001##
        Milano\tLOM\t201##
        Napoli\tCAM\t801##
        Torino\tPIE\t101##
        Palermo\tSIC\t901##
        Genova\tLIG\t161##
        Bologna\tEMR\t401##
        Firenze\tTOS\t501##
        Bari\tPUG\t701##
        Catania\tSIC\t951##
        Venezia\tVEN\t301##
        Verona\tVEN\t371##
        Messina\tSIC\t981##
        Padova\tVEN\t351##
        Trieste\tFVG\t341##
        Brescia\tLOM\t251##
        Taranto\tPUG\t7412#
        Prato\tTOS\t59100
        Parma\tEMR\t4312#
        Modena\tEMR\t4112#
        Reggio Calabria\tCAL\t891##
        Reggio Emilia\tEMR\t4212#
        Perugia\tUMB\t061##
        Livorno\tTOS\t5712#
        Ravenna\tEMR\t4812#
        Cagliari\tSAR\t091##
        Foggia\tPUG\t7112#
        Rimini\tEMR\t4792#
        Salerno\tCAM\t841##
        Ferrara\tEMR\t4412#
        Sassari\tSAR\t07100
        Latina\tLAZ\t04100
        Giugliano in Campania\tCAM\t80014
        Monza\tLOM\t20900
        Siracusa\tSIC\t96100
        Pescara\tABR\t6512#
        Bergamo\tLOM\t2412#
        Forlì\tEMR\t4712#
        Trento\tTAA\t3812#
        Vicenza\tVEN\t36100
        Terni\tUMB\t05100
        Bolzano\tTAA\t39100
        Novara\tPIE\t28100
        Piacenza\tEMR\t2912#
        Ancona\tMAR\t601##
        Andria\tPUG\t76123
        Arezzo\tTOS\t52100
        Udine\tFVG\t33100
        Cesena\tEMR\t4752#
        Lecce\tPUG\t73100
        Pesaro\tMAR\t6112#
        La Spezia\tLIG\t191##
        Como\tLOM\t22100
        Pisa\tTOS\t5612#
        Brindisi\tPUG\t72100
        Catanzaro\tCAL\t88100
        Treviso\tVEN\t31100
        Varese\tLOM\t21100
        Asti\tPIE\t14100
        Cremona\tLOM\t26100
        Pavia\tLOM\t27100
        Lucca\tTOS\t55100
        Alessandria\tPIE\t1512#
        Massa\tTOS\t54100
        Carrara\tTOS\t54033
        Grosseto\tTOS\t58100
        Caserta\tCAM\t81100
        Potenza\tBAS\t85100
        Matera\tBAS\t75100
        Campobasso\tMOL\t86100
        Isernia\tMOL\t86170
        Termoli\tMOL\t86039
        L'Aquila\tABR\t67100
        Teramo\tABR\t64100
        Chieti\tABR\t66100
        Avezzano\tABR\t67051
        Vasto\tABR\t66054
        Montesilvano\tABR\t65015
        Aosta\tVDA\t11100
        Saint-Vincent\tVDA\t11027
        Courmayeur\tVDA\t11013
        Belluno\tVEN\t32100
        Rovigo\tVEN\t45100
        Pordenone\tFVG\t33170
        Gorizia\tFVG\t34170
        Monfalcone\tFVG\t34074
        Savona\tLIG\t17100
        Imperia\tLIG\t18100
        Sanremo\tLIG\t18038
        Rapallo\tLIG\t16035
        Chiavari\tLIG\t16043
        Cuneo\tPIE\t12100
        Biella\tPIE\t13900
        Vercelli\tPIE\t13100
        Moncalieri\tPIE\t10024
        Collegno\tPIE\t10093
        Rivoli\tPIE\t10098
        Pinerolo\tPIE\t10064
        Ivrea\tPIE\t10015
        Lecco\tLOM\t23900
        Sondrio\tLOM\t23100
        Lodi\tLOM\t26900
        Mantova\tLOM\t46100
        Sesto San Giovanni\tLOM\t20099
        Cinisello Balsamo\tLOM\t20092
        Legnano\tLOM\t20025
        Busto Arsizio\tLOM\t21052
        Gallarate\tLOM\t21013
        Vigevano\tLOM\t27029
        Crema\tLOM\t26013
        Desenzano del Garda\tLOM\t25015
        Siena\tTOS\t53100
        Pistoia\tTOS\t51100
        Viareggio\tTOS\t55049
        Empoli\tTOS\t50053
        Scandicci\tTOS\t50018
        Viterbo\tLAZ\t01100
        Rieti\tLAZ\t02100
        Frosinone\tLAZ\t03100
        Guidonia Montecelio\tLAZ\t00012
        Fiumicino\tLAZ\t00054
        Aprilia\tLAZ\t04011
        Civitavecchia\tLAZ\t00053
        Tivoli\tLAZ\t00019
        Benevento\tCAM\t82100
        Avellino\tCAM\t83100
        Torre del Greco\tCAM\t80059
        Pozzuoli\tCAM\t80078
        Castellammare di Stabia\tCAM\t80053
        Casoria\tCAM\t80026
        Aversa\tCAM\t81031
        Battipaglia\tCAM\t84091
        Crotone\tCAL\t88900
        Cosenza\tCAL\t87100
        Vibo Valentia\tCAL\t89900
        Lamezia Terme\tCAL\t88046
        Rende\tCAL\t87036
        Trapani\tSIC\t91100
        Agrigento\tSIC\t92100
        Caltanissetta\tSIC\t93100
        Enna\tSIC\t94100
        Ragusa\tSIC\t97100
        Marsala\tSIC\t91025
        Gela\tSIC\t93012
        Bagheria\tSIC\t90011
        Acireale\tSIC\t95024
        Modica\tSIC\t97015
        Nuoro\tSAR\t08100
        Oristano\tSAR\t09170
        Olbia\tSAR\t07026
        Quartu Sant'Elena\tSAR\t09045
        Alghero\tSAR\t07041
        Carbonia\tSAR\t09013
        Macerata\tMAR\t62100
        Ascoli Piceno\tMAR\t63100
        Fermo\tMAR\t63900
        Urbino\tMAR\t61029
        Fano\tMAR\t61032
        Senigallia\tMAR\t60019
        Jesi\tMAR\t60035
        Civitanova Marche\tMAR\t62012
        Foligno\tUMB\t06034
        Spoleto\tUMB\t06049
        Città di Castello\tUMB\t06012
        Orvieto\tUMB\t05018
        Barletta\tPUG\t76121
        Trani\tPUG\t76125
        Altamura\tPUG\t70022
        Molfetta\tPUG\t70056
        Cerignola\tPUG\t71042
        Manfredonia\tPUG\t71043
        Carpi\tEMR\t41012
        Imola\tEMR\t40026
        Faenza\tEMR\t48018
        Riccione\tEMR\t47838
        Sassuolo\tEMR\t41049
        Bassano del Grappa\tVEN\t36061
        Chioggia\tVEN\t30015
        San Donà di Piave\tVEN\t30027
        Conegliano\tVEN\t31015
        Castelfranco Veneto\tVEN\t31033
        Merano\tTAA\t39012
        Bressanone\tTAA\t39042
        Rovereto\tTAA\t38068
        Riva del Garda\tTAA\t38066
        """

    /// Full street names including their type (Via, Viale, Corso, Piazza, Largo…).
    static let streetNames: StaticString = """
        Via Roma
        Via Giuseppe Garibaldi
        Via Garibaldi
        Via Giuseppe Mazzini
        Via Mazzini
        Via Cavour
        Via Camillo Benso di Cavour
        Corso Vittorio Emanuele II
        Corso Umberto I
        Corso Italia
        Corso Garibaldi
        Corso Cavour
        Corso Buenos Aires
        Corso Magenta
        Corso Vercelli
        Corso Sempione
        Corso Francia
        Corso Re Umberto
        Corso Mazzini
        Corso Matteotti
        Corso della Repubblica
        Piazza Garibaldi
        Piazza del Duomo
        Piazza della Repubblica
        Piazza della Libertà
        Piazza Cavour
        Piazza Mazzini
        Piazza Dante
        Piazza San Marco
        Piazza Vittorio Veneto
        Piazza Matteotti
        Piazza Municipio
        Piazza del Popolo
        Piazza Castello
        Piazza XX Settembre
        Piazza Umberto I
        Via Dante Alighieri
        Via XX Settembre
        Via IV Novembre
        Via XXV Aprile
        Via XXIV Maggio
        Via Nazionale
        Via della Repubblica
        Via Guglielmo Marconi
        Via Marconi
        Via Giacomo Matteotti
        Via Antonio Gramsci
        Via Aldo Moro
        Via Alcide De Gasperi
        Via Enrico Fermi
        Via Alessandro Volta
        Via Galileo Galilei
        Via Leonardo da Vinci
        Via Michelangelo Buonarroti
        Via Raffaello Sanzio
        Via Giuseppe Verdi
        Via Gioacchino Rossini
        Via Giacomo Puccini
        Via Vincenzo Bellini
        Via Gaetano Donizetti
        Via Alessandro Manzoni
        Via Giacomo Leopardi
        Via Ugo Foscolo
        Via Giosuè Carducci
        Via Giovanni Pascoli
        Via Luigi Pirandello
        Via Francesco Petrarca
        Via Torquato Tasso
        Via Ludovico Ariosto
        Via Cristoforo Colombo
        Via Amerigo Vespucci
        Via Marco Polo
        Via San Francesco d'Assisi
        Via San Giovanni Bosco
        Via Don Luigi Sturzo
        Via Papa Giovanni XXIII
        Via Sandro Pertini
        Via Luigi Einaudi
        Via Giovanni Falcone
        Via Paolo Borsellino
        Via Martiri della Libertà
        Via dei Mille
        Via Vittorio Veneto
        Via Trieste
        Via Trento
        Via Milano
        Via Napoli
        Via Torino
        Via Firenze
        Via Venezia
        Via Bologna
        Via Genova
        Via Palermo
        Via Verona
        Via Padova
        Via Emilia
        Via Aurelia
        Via Appia Nuova
        Via Cassia
        Via Flaminia
        Via Salaria
        Via Tiburtina
        Via Casilina
        Via Tuscolana
        Via Prenestina
        Via del Corso
        Via Toledo
        Via Chiaia
        Via Montenapoleone
        Via della Spiga
        Via del Babuino
        Via dei Condotti
        Via Po
        Via Pietro Micca
        Via dell'Indipendenza
        Via Ugo Bassi
        Via dei Calzaiuoli
        Via Maqueda
        Via Etnea
        Via Sparano da Bari
        Via Fratelli Bandiera
        Via Fratelli Rosselli
        Via Goffredo Mameli
        Via Nino Bixio
        Via Carlo Pisacane
        Via Ciro Menotti
        Via Silvio Pellico
        Via Cesare Battisti
        Via Nazario Sauro
        Via Guglielmo Oberdan
        Via Francesco Baracca
        Via Armando Diaz
        Via Enrico Toti
        Via Gabriele D'Annunzio
        Via Benedetto Croce
        Via Antonio Meucci
        Via Alessandro Scarlatti
        Via Domenico Cimarosa
        Via Arturo Toscanini
        Via Pietro Mascagni
        Via Giuseppe Di Vittorio
        Via Bruno Buozzi
        Via Piero Gobetti
        Via Filippo Turati
        Via Carlo Alberto
        Via Vittorio Emanuele
        Via Regina Margherita
        Via Principe Amedeo
        Via Umberto I
        Via Regina Elena
        Via Cesare Beccaria
        Via Pietro Nenni
        Via Enrico Berlinguer
        Via della Pace
        Via della Libertà
        Via della Stazione
        Via del Lavoro
        Via dell'Industria
        Via dell'Artigianato
        Via del Commercio
        Via delle Rose
        Via dei Gigli
        Via delle Viole
        Via dei Pini
        Via degli Ulivi
        Via dei Tigli
        Via dei Platani
        Via delle Querce
        Via dei Castagni
        Via delle Ginestre
        Via delle Magnolie
        Via delle Mimose
        Via del Mare
        Via del Porto
        Via del Sole
        Via della Chiesa
        Via del Castello
        Via del Mulino
        Via della Fontana
        Via dei Giardini
        Via Borgo Nuovo
        Via Nuova
        Via San Rocco
        Via San Martino
        Via San Michele
        Via San Giorgio
        Via San Pietro
        Via San Lorenzo
        Via Sant'Antonio
        Via Santa Lucia
        Via Santa Maria
        Viale dei Mille
        Viale della Vittoria
        Viale Giuseppe Mazzini
        Viale Italia
        Viale Europa
        Viale Trieste
        Viale Kennedy
        Viale Monza
        Viale Regina Margherita
        Viale Guglielmo Marconi
        Viale della Repubblica
        Largo Garibaldi
        Largo Augusto
        Vicolo del Pozzo
        Vicolo Stretto
        Lungomare Caracciolo
        Lungomare Cristoforo Colombo
        Lungarno Corsini
        Lungotevere Marzio
        Strada Maggiore
        Contrada San Giuseppe
        """

    /// House number patterns.
    static let buildingNumberFormats: StaticString = """
        #
        ##
        ###
        """
}
