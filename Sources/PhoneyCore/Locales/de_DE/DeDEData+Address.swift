extension DeDEData {
    /// The 16 Länder with their official abbreviations.
    static let regions: StaticString = """
        Baden-Württemberg\tBW
        Bayern\tBY
        Berlin\tBE
        Brandenburg\tBB
        Bremen\tHB
        Hamburg\tHH
        Hessen\tHE
        Mecklenburg-Vorpommern\tMV
        Niedersachsen\tNI
        Nordrhein-Westfalen\tNW
        Rheinland-Pfalz\tRP
        Saarland\tSL
        Sachsen\tSN
        Sachsen-Anhalt\tST
        Schleswig-Holstein\tSH
        Thüringen\tTH
        """

    /// Real cities: city, Land abbreviation, postcode pattern with the city's real leading digits.
    static let cities: StaticString = """
        Berlin\tBE\t10###
        Hamburg\tHH\t22###
        München\tBY\t80###
        Köln\tNW\t507##
        Frankfurt am Main\tHE\t60###
        Stuttgart\tBW\t70###
        Düsseldorf\tNW\t402##
        Leipzig\tSN\t041##
        Dortmund\tNW\t441##
        Essen\tNW\t451##
        Bremen\tHB\t282##
        Dresden\tSN\t011##
        Hannover\tNI\t301##
        Nürnberg\tBY\t904##
        Duisburg\tNW\t471##
        Bochum\tNW\t447##
        Wuppertal\tNW\t422##
        Bielefeld\tNW\t336##
        Bonn\tNW\t531##
        Münster\tNW\t481##
        Mannheim\tBW\t681##
        Karlsruhe\tBW\t761##
        Augsburg\tBY\t861##
        Wiesbaden\tHE\t651##
        Mönchengladbach\tNW\t410##
        Gelsenkirchen\tNW\t458##
        Aachen\tNW\t520##
        Braunschweig\tNI\t381##
        Chemnitz\tSN\t091##
        Kiel\tSH\t241##
        Halle (Saale)\tST\t061##
        Magdeburg\tST\t391##
        Freiburg im Breisgau\tBW\t791##
        Krefeld\tNW\t478##
        Mainz\tRP\t551##
        Lübeck\tSH\t235##
        Erfurt\tTH\t990##
        Oberhausen\tNW\t460##
        Rostock\tMV\t180##
        Kassel\tHE\t341##
        Hagen\tNW\t580##
        Potsdam\tBB\t144##
        Saarbrücken\tSL\t661##
        Hamm\tNW\t590##
        Ludwigshafen am Rhein\tRP\t670##
        Mülheim an der Ruhr\tNW\t454##
        Oldenburg\tNI\t261##
        Osnabrück\tNI\t490##
        Leverkusen\tNW\t513##
        Heidelberg\tBW\t691##
        Solingen\tNW\t426##
        Darmstadt\tHE\t642##
        Herne\tNW\t446##
        Neuss\tNW\t414##
        Regensburg\tBY\t930##
        Paderborn\tNW\t331##
        Ingolstadt\tBY\t850##
        Offenbach am Main\tHE\t630##
        Würzburg\tBY\t970##
        Fürth\tBY\t907##
        Ulm\tBW\t890##
        Heilbronn\tBW\t740##
        Pforzheim\tBW\t751##
        Wolfsburg\tNI\t384##
        Göttingen\tNI\t370##
        Bottrop\tNW\t462##
        Reutlingen\tBW\t727##
        Koblenz\tRP\t560##
        Bremerhaven\tHB\t275##
        Recklinghausen\tNW\t456##
        Bergisch Gladbach\tNW\t514##
        Erlangen\tBY\t910##
        Jena\tTH\t077##
        Remscheid\tNW\t428##
        Trier\tRP\t542##
        Salzgitter\tNI\t382##
        Moers\tNW\t474##
        Siegen\tNW\t570##
        Hildesheim\tNI\t311##
        Cottbus\tBB\t030##
        Kaiserslautern\tRP\t676##
        Gütersloh\tNW\t333##
        Schwerin\tMV\t190##
        Witten\tNW\t584##
        Gera\tTH\t075##
        Iserlohn\tNW\t586##
        Ludwigsburg\tBW\t716##
        Esslingen am Neckar\tBW\t737##
        Zwickau\tSN\t080##
        Düren\tNW\t523##
        Ratingen\tNW\t408##
        Tübingen\tBW\t720##
        Flensburg\tSH\t249##
        Villingen-Schwenningen\tBW\t780##
        Gießen\tHE\t353##
        Konstanz\tBW\t784##
        Worms\tRP\t675##
        Marburg\tHE\t350##
        Bamberg\tBY\t960##
        Bayreuth\tBY\t954##
        Landshut\tBY\t840##
        Passau\tBY\t940##
        Rosenheim\tBY\t830##
        Kempten (Allgäu)\tBY\t874##
        Hanau\tHE\t634##
        Fulda\tHE\t360##
        Wetzlar\tHE\t355##
        Lüneburg\tNI\t213##
        Celle\tNI\t292##
        Wilhelmshaven\tNI\t263##
        Emden\tNI\t267##
        Delmenhorst\tNI\t277##
        Neumünster\tSH\t245##
        Norderstedt\tSH\t228##
        Stralsund\tMV\t184##
        Greifswald\tMV\t174##
        Neubrandenburg\tMV\t170##
        Wismar\tMV\t239##
        Frankfurt (Oder)\tBB\t152##
        Brandenburg an der Havel\tBB\t147##
        Oranienburg\tBB\t165##
        Eberswalde\tBB\t162##
        Dessau-Roßlau\tST\t068##
        Halberstadt\tST\t388##
        Stendal\tST\t395##
        Weimar\tTH\t994##
        Gotha\tTH\t998##
        Suhl\tTH\t985##
        Plauen\tSN\t085##
        Görlitz\tSN\t028##
        Bautzen\tSN\t026##
        Freiberg\tSN\t095##
        Speyer\tRP\t673##
        Neustadt an der Weinstraße\tRP\t674##
        Landau in der Pfalz\tRP\t768##
        Pirmasens\tRP\t669##
        Neunkirchen\tSL\t665##
        Homburg\tSL\t664##
        Saarlouis\tSL\t667##
        Völklingen\tSL\t663##
        Baden-Baden\tBW\t765##
        Offenburg\tBW\t776##
        Friedrichshafen\tBW\t880##
        Ravensburg\tBW\t882##
        Sindelfingen\tBW\t710##
        Aalen\tBW\t734##
        Göppingen\tBW\t730##
        Ansbach\tBY\t915##
        Aschaffenburg\tBY\t637##
        Schweinfurt\tBY\t974##
        Straubing\tBY\t943##
        Memmingen\tBY\t877##
        Freising\tBY\t853##
        Amberg\tBY\t922##
        Coburg\tBY\t964##
        Hof\tBY\t950##
        Detmold\tNW\t327##
        Minden\tNW\t324##
        Herford\tNW\t320##
        Lippstadt\tNW\t595##
        Unna\tNW\t594##
        Viersen\tNW\t417##
        Troisdorf\tNW\t538##
        Rheine\tNW\t484##
        Bocholt\tNW\t463##
        Wesel\tNW\t464##
        Cuxhaven\tNI\t274##
        Stade\tNI\t216##
        Lingen (Ems)\tNI\t498##
        Goslar\tNI\t386##
        Hameln\tNI\t317##
        Wolfenbüttel\tNI\t383##
        Husum\tSH\t258##
        Elmshorn\tSH\t253##
        Rendsburg\tSH\t247##
        Rüsselsheim am Main\tHE\t654##
        Bad Homburg vor der Höhe\tHE\t613##
        Bad Kreuznach\tRP\t555##
        Neuwied\tRP\t565##
        """

    /// Full street names including their type, as found all over Germany.
    static let streetNames: StaticString = """
        Hauptstraße
        Schulstraße
        Gartenstraße
        Bahnhofstraße
        Dorfstraße
        Bergstraße
        Birkenweg
        Lindenstraße
        Kirchstraße
        Waldstraße
        Ringstraße
        Schillerstraße
        Goethestraße
        Wiesenweg
        Jahnstraße
        Mühlenweg
        Amselweg
        Finkenweg
        Rosenstraße
        Am Sportplatz
        Buchenweg
        Friedhofstraße
        Feldstraße
        Blumenstraße
        Mozartstraße
        Beethovenstraße
        Lessingstraße
        Uhlandstraße
        Eichendorffstraße
        Heinestraße
        Kantstraße
        Bismarckstraße
        Kaiserstraße
        Friedrichstraße
        Wilhelmstraße
        Luisenstraße
        Marktplatz
        Am Markt
        Marktstraße
        Poststraße
        Parkstraße
        Industriestraße
        Gewerbestraße
        Mittelstraße
        Kirchweg
        Am Bahnhof
        Talstraße
        Hohe Straße
        Neue Straße
        Breite Straße
        Lange Straße
        Brunnenstraße
        Brückenstraße
        Mühlstraße
        Mühlenstraße
        Am Rathaus
        Rathausstraße
        Schloßstraße
        Schlossstraße
        Burgstraße
        Tannenweg
        Eichenweg
        Ahornweg
        Erlenweg
        Kastanienallee
        Lindenallee
        Ahornstraße
        Ulmenweg
        Fliederweg
        Tulpenweg
        Nelkenweg
        Rosenweg
        Veilchenweg
        Lerchenweg
        Meisenweg
        Drosselweg
        Schwalbenweg
        Sonnenstraße
        Kiefernweg
        Fichtenstraße
        Weidenweg
        Am Anger
        Am Berg
        Am Wald
        Am Waldrand
        Im Winkel
        Zum Sportplatz
        An der Kirche
        Kirchplatz
        Bachstraße
        Wiesenstraße
        Schubertstraße
        Händelstraße
        Richard-Wagner-Straße
        Albert-Schweitzer-Straße
        Robert-Koch-Straße
        Konrad-Adenauer-Straße
        Willy-Brandt-Straße
        Friedrich-Ebert-Straße
        Kurt-Schumacher-Straße
        Gartenweg
        Hermann-Löns-Straße
        Fritz-Reuter-Straße
        Thomas-Mann-Straße
        Theodor-Heuss-Straße
        Ernst-Thälmann-Straße
        Karl-Marx-Straße
        Rosa-Luxemburg-Straße
        Geschwister-Scholl-Straße
        Sophie-Scholl-Straße
        Martin-Luther-Straße
        Dietrich-Bonhoeffer-Straße
        Berliner Straße
        Hamburger Straße
        Münchener Straße
        Frankfurter Straße
        Kölner Straße
        Leipziger Straße
        Dresdner Straße
        Bremer Straße
        Potsdamer Straße
        Lübecker Straße
        Jägerstraße
        Raiffeisenstraße
        Siemensstraße
        Daimlerstraße
        Robert-Bosch-Straße
        Gutenbergstraße
        Humboldtstraße
        Herderstraße
        Fontanestraße
        Kleiststraße
        Körnerstraße
        Hölderlinstraße
        Mörikestraße
        Wielandstraße
        Keplerstraße
        Röntgenstraße
        Einsteinstraße
        Kirchgasse
        Schulgasse
        Mühlgasse
        Obergasse
        Untergasse
        Am Graben
        Wallstraße
        Grabenstraße
        Torstraße
        Steinweg
        Neuer Weg
        Alter Weg
        Feldweg
        Am Teich
        Seestraße
        Uferstraße
        Rheinstraße
        Mainstraße
        Elbstraße
        Moselstraße
        Donaustraße
        Neckarstraße
        Am Hafen
        Hafenstraße
        Deichstraße
        Querstraße
        Nordstraße
        Südstraße
        Oststraße
        Weststraße
        Bahnhofsplatz
        Schützenstraße
        Kapellenweg
        Klosterstraße
        Domplatz
        Hofstraße
        Ackerstraße
        Heideweg
        Eschenweg
        Holunderweg
        Am Mühlbach
        Schmiedestraße
        Bäckerstraße
        Fischerstraße
        Weberstraße
        """

    /// House number patterns; leading digits are fixed so no number starts with 0.
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
        1#a
        2#b
        4a
        7a
        """
}
