extension FrFRData {
    /// The 13 metropolitan régions and the 5 overseas régions, with their ISO 3166-2 codes.
    static let regions: StaticString = """
        Auvergne-Rhône-Alpes\tARA
        Bourgogne-Franche-Comté\tBFC
        Bretagne\tBRE
        Centre-Val de Loire\tCVL
        Corse\tCOR
        Grand Est\tGES
        Hauts-de-France\tHDF
        Île-de-France\tIDF
        Normandie\tNOR
        Nouvelle-Aquitaine\tNAQ
        Occitanie\tOCC
        Pays de la Loire\tPDL
        Provence-Alpes-Côte d'Azur\tPAC
        Guadeloupe\tGP
        Martinique\tMQ
        Guyane\tGF
        La Réunion\tRE
        Mayotte\tYT
        """

    /// Real communes: city, région code, postcode pattern starting with the département number.
    static let cities: StaticString = """
        Paris\tIDF\t750##
        Marseille\tPAC\t130##
        Lyon\tARA\t6900#
        Toulouse\tOCC\t31#00
        Nice\tPAC\t06#00
        Nantes\tPDL\t44#00
        Montpellier\tOCC\t340#0
        Strasbourg\tGES\t67#00
        Bordeaux\tNAQ\t33#00
        Lille\tHDF\t59000
        Rennes\tBRE\t35000
        Reims\tGES\t51100
        Le Havre\tNOR\t76600
        Saint-Étienne\tARA\t42000
        Toulon\tPAC\t83000
        Grenoble\tARA\t38000
        Dijon\tBFC\t21000
        Angers\tPDL\t49000
        Nîmes\tOCC\t30000
        Villeurbanne\tARA\t69100
        Clermont-Ferrand\tARA\t63000
        Le Mans\tPDL\t72000
        Aix-en-Provence\tPAC\t13100
        Brest\tBRE\t29200
        Tours\tCVL\t37000
        Amiens\tHDF\t800#0
        Limoges\tNAQ\t87000
        Annecy\tARA\t74000
        Perpignan\tOCC\t66000
        Boulogne-Billancourt\tIDF\t92100
        Metz\tGES\t57000
        Besançon\tBFC\t25000
        Orléans\tCVL\t45000
        Saint-Denis\tIDF\t93200
        Argenteuil\tIDF\t95100
        Rouen\tNOR\t76000
        Mulhouse\tGES\t68100
        Montreuil\tIDF\t93100
        Caen\tNOR\t14000
        Nancy\tGES\t54000
        Tourcoing\tHDF\t59200
        Roubaix\tHDF\t59100
        Nanterre\tIDF\t92000
        Vitry-sur-Seine\tIDF\t94400
        Avignon\tPAC\t84000
        Créteil\tIDF\t94000
        Dunkerque\tHDF\t59140
        Poitiers\tNAQ\t86000
        Asnières-sur-Seine\tIDF\t92600
        Versailles\tIDF\t78000
        Colombes\tIDF\t92700
        Aubervilliers\tIDF\t93300
        Courbevoie\tIDF\t92400
        Cherbourg-en-Cotentin\tNOR\t50100
        Rueil-Malmaison\tIDF\t92500
        Pau\tNAQ\t64000
        La Rochelle\tNAQ\t17000
        Champigny-sur-Marne\tIDF\t94500
        Calais\tHDF\t62100
        Antibes\tPAC\t06600
        Cannes\tPAC\t06400
        Béziers\tOCC\t34500
        Colmar\tGES\t68000
        Bourges\tCVL\t18000
        Saint-Nazaire\tPDL\t44600
        Mérignac\tNAQ\t33700
        Drancy\tIDF\t93700
        Ajaccio\tCOR\t20000
        Bastia\tCOR\t20200
        Valence\tARA\t26000
        Quimper\tBRE\t29000
        Troyes\tGES\t10000
        Niort\tNAQ\t79000
        Chambéry\tARA\t73000
        Lorient\tBRE\t56100
        Vannes\tBRE\t56000
        Saint-Malo\tBRE\t35400
        Saint-Brieuc\tBRE\t22000
        Laval\tPDL\t53000
        La Roche-sur-Yon\tPDL\t85000
        Cholet\tPDL\t49300
        Saint-Quentin\tHDF\t02100
        Beauvais\tHDF\t60000
        Compiègne\tHDF\t60200
        Arras\tHDF\t62000
        Lens\tHDF\t62300
        Valenciennes\tHDF\t59300
        Douai\tHDF\t59500
        Charleville-Mézières\tGES\t08000
        Châlons-en-Champagne\tGES\t51000
        Épinal\tGES\t88000
        Thionville\tGES\t57100
        Belfort\tBFC\t90000
        Mâcon\tBFC\t71000
        Chalon-sur-Saône\tBFC\t71100
        Auxerre\tBFC\t89000
        Nevers\tBFC\t58000
        Blois\tCVL\t41000
        Chartres\tCVL\t28000
        Châteauroux\tCVL\t36000
        Évreux\tNOR\t27000
        Alençon\tNOR\t61000
        Saint-Lô\tNOR\t50000
        Dieppe\tNOR\t76200
        Angoulême\tNAQ\t16000
        Périgueux\tNAQ\t24000
        Agen\tNAQ\t47000
        Mont-de-Marsan\tNAQ\t40000
        Bayonne\tNAQ\t64100
        Biarritz\tNAQ\t64200
        Brive-la-Gaillarde\tNAQ\t19100
        Tulle\tNAQ\t19000
        Guéret\tNAQ\t23000
        Albi\tOCC\t81000
        Castres\tOCC\t81100
        Montauban\tOCC\t82000
        Cahors\tOCC\t46000
        Rodez\tOCC\t12000
        Tarbes\tOCC\t65000
        Auch\tOCC\t32000
        Carcassonne\tOCC\t11000
        Narbonne\tOCC\t11100
        Sète\tOCC\t34200
        Alès\tOCC\t30100
        Foix\tOCC\t09000
        Mende\tOCC\t48000
        Aurillac\tARA\t15000
        Le Puy-en-Velay\tARA\t43000
        Vichy\tARA\t03200
        Montluçon\tARA\t03100
        Moulins\tARA\t03000
        Roanne\tARA\t42300
        Bourg-en-Bresse\tARA\t01000
        Vénissieux\tARA\t69200
        Annemasse\tARA\t74100
        Aix-les-Bains\tARA\t73100
        Privas\tARA\t07000
        Vienne\tARA\t38200
        Gap\tPAC\t05000
        Digne-les-Bains\tPAC\t04000
        Fréjus\tPAC\t83600
        Hyères\tPAC\t83400
        Arles\tPAC\t13200
        Martigues\tPAC\t13500
        Grasse\tPAC\t06130
        Menton\tPAC\t06500
        Orange\tPAC\t84100
        Salon-de-Provence\tPAC\t13300
        Istres\tPAC\t13800
        Melun\tIDF\t77000
        Meaux\tIDF\t77100
        Évry-Courcouronnes\tIDF\t91000
        Cergy\tIDF\t95000
        Pontoise\tIDF\t95300
        Saint-Germain-en-Laye\tIDF\t78100
        Vincennes\tIDF\t94300
        Neuilly-sur-Seine\tIDF\t92200
        Issy-les-Moulineaux\tIDF\t92130
        Levallois-Perret\tIDF\t92300
        Ivry-sur-Seine\tIDF\t94200
        Noisy-le-Grand\tIDF\t93160
        Sarcelles\tIDF\t95200
        Poissy\tIDF\t78300
        Fontainebleau\tIDF\t77300
        Saint-Maur-des-Fossés\tIDF\t94100
        Pointe-à-Pitre\tGP\t97110
        Les Abymes\tGP\t97139
        Fort-de-France\tMQ\t97200
        Cayenne\tGF\t97300
        Saint-Pierre\tRE\t97410
        Le Tampon\tRE\t97430
        Mamoudzou\tYT\t97600
        """

    /// Full street names including their type (rue, avenue, boulevard, place, allée, impasse, chemin, route, quai).
    static let streetNames: StaticString = """
        Grande Rue
        rue Principale
        rue de l'Église
        place de l'Église
        rue de la Mairie
        place de la Mairie
        rue du Moulin
        rue de la Gare
        place de la Gare
        rue des Écoles
        rue du Château
        rue Victor Hugo
        rue de la République
        avenue de la République
        place de la République
        boulevard de la République
        rue Pasteur
        rue Louis Pasteur
        rue Jean Jaurès
        avenue Jean Jaurès
        boulevard Jean Jaurès
        rue Gambetta
        boulevard Gambetta
        rue du Général de Gaulle
        avenue du Général de Gaulle
        place Charles de Gaulle
        rue Jules Ferry
        rue Anatole France
        rue Émile Zola
        rue Jean Moulin
        avenue Jean Moulin
        rue Carnot
        place Carnot
        rue Voltaire
        boulevard Voltaire
        rue de la Paix
        rue Nationale
        rue du Stade
        rue des Lilas
        rue des Roses
        rue des Tilleuls
        rue des Acacias
        allée des Chênes
        allée des Pins
        allée des Tilleuls
        allée des Érables
        impasse des Lilas
        impasse du Moulin
        impasse des Roses
        chemin du Moulin
        chemin des Vignes
        chemin de la Croix
        chemin des Écoliers
        chemin du Lavoir
        route de Paris
        route de Lyon
        route de Bordeaux
        route de Toulouse
        route de Nantes
        route de la Plage
        route Nationale
        rue du Commerce
        rue de la Liberté
        place de la Liberté
        boulevard de la Liberté
        rue de Verdun
        avenue de Verdun
        avenue Foch
        rue Foch
        rue du Maréchal Leclerc
        avenue du Maréchal Joffre
        rue Georges Clemenceau
        boulevard Clemenceau
        rue Pierre Curie
        rue Marie Curie
        rue Alsace-Lorraine
        rue de Strasbourg
        rue de Bretagne
        rue de Normandie
        rue Saint-Martin
        rue Saint-Michel
        rue Saint-Pierre
        rue Saint-Jacques
        place Saint-Pierre
        rue Notre-Dame
        rue du Pont
        rue de la Fontaine
        rue du Four
        rue du Puits
        rue de la Forge
        rue des Jardins
        rue des Vignes
        rue des Prés
        rue du Bois
        rue de la Forêt
        rue du Lavoir
        rue des Fleurs
        rue de la Poste
        place du Marché
        place du 8 Mai 1945
        rue du 8 Mai 1945
        rue du 11 Novembre
        rue du 19 Mars 1962
        rue du 14 Juillet
        avenue de la Libération
        rue de la Libération
        avenue des Champs-Élysées
        boulevard Saint-Germain
        boulevard Haussmann
        rue de Rivoli
        quai du Port
        rue du Port
        rue de la Plage
        avenue de la Mer
        promenade des Anglais
        rue Molière
        rue Racine
        rue La Fontaine
        rue Montaigne
        rue Rabelais
        rue Balzac
        rue Alphonse Daudet
        rue Paul Verlaine
        rue Arthur Rimbaud
        rue Albert Camus
        rue Jean Giono
        rue Colette
        rue George Sand
        rue Hector Berlioz
        rue Claude Debussy
        rue Maurice Ravel
        rue Georges Bizet
        rue Frédéric Chopin
        rue Lamartine
        rue Chateaubriand
        rue Diderot
        rue Condorcet
        rue Danton
        rue Mirabeau
        rue Lafayette
        rue Thiers
        rue Gustave Eiffel
        rue Ampère
        rue Denis Papin
        rue Blaise Pascal
        rue René Descartes
        rue Parmentier
        rue Aristide Briand
        avenue Aristide Briand
        rue Léon Blum
        avenue Salvador Allende
        rue Pablo Picasso
        rue Paul Cézanne
        rue Claude Monet
        rue Auguste Renoir
        rue Henri Matisse
        rue de la Croix
        rue des Peupliers
        rue des Cerisiers
        rue des Pommiers
        rue des Noyers
        rue des Platanes
        rue des Marronniers
        rue des Saules
        rue des Bouleaux
        cours Mirabeau
        cours Victor Hugo
        rue du Château d'Eau
        rue de la Garenne
        rue des Mimosas
        rue des Violettes
        rue des Bleuets
        rue des Coquelicots
        rue des Primevères
        rue des Hirondelles
        rue des Mésanges
        rue des Alouettes
        quai de la Loire
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
        1# bis
        2 bis
        4 bis
        3 ter
        """
}
