extension EnUSData {
    /// The 50 states and DC: name, USPS abbreviation, lowest and highest 3-digit ZIP prefix (integers; zero-pad to 3 digits).
    static let states: StaticString = """
        Alabama\tAL\t350\t369
        Alaska\tAK\t995\t999
        Arizona\tAZ\t850\t865
        Arkansas\tAR\t716\t729
        California\tCA\t900\t961
        Colorado\tCO\t800\t816
        Connecticut\tCT\t60\t69
        Delaware\tDE\t197\t199
        District of Columbia\tDC\t200\t205
        Florida\tFL\t320\t349
        Georgia\tGA\t300\t319
        Hawaii\tHI\t967\t968
        Idaho\tID\t832\t838
        Illinois\tIL\t600\t629
        Indiana\tIN\t460\t479
        Iowa\tIA\t500\t528
        Kansas\tKS\t660\t679
        Kentucky\tKY\t400\t427
        Louisiana\tLA\t700\t714
        Maine\tME\t39\t49
        Maryland\tMD\t206\t219
        Massachusetts\tMA\t10\t27
        Michigan\tMI\t480\t499
        Minnesota\tMN\t550\t567
        Mississippi\tMS\t386\t397
        Missouri\tMO\t630\t658
        Montana\tMT\t590\t599
        Nebraska\tNE\t680\t693
        Nevada\tNV\t889\t898
        New Hampshire\tNH\t30\t38
        New Jersey\tNJ\t70\t89
        New Mexico\tNM\t870\t884
        New York\tNY\t100\t149
        North Carolina\tNC\t270\t289
        North Dakota\tND\t580\t588
        Ohio\tOH\t430\t459
        Oklahoma\tOK\t730\t749
        Oregon\tOR\t970\t979
        Pennsylvania\tPA\t150\t196
        Rhode Island\tRI\t28\t29
        South Carolina\tSC\t290\t299
        South Dakota\tSD\t570\t577
        Tennessee\tTN\t370\t385
        Texas\tTX\t750\t799
        Utah\tUT\t840\t847
        Vermont\tVT\t50\t59
        Virginia\tVA\t220\t246
        Washington\tWA\t980\t994
        West Virginia\tWV\t247\t268
        Wisconsin\tWI\t530\t549
        Wyoming\tWY\t820\t831
        """

    /// Real US cities: city name, state abbreviation.
    static let cities: StaticString = """
        New York\tNY
        Buffalo\tNY
        Rochester\tNY
        Yonkers\tNY
        Syracuse\tNY
        Albany\tNY
        New Rochelle\tNY
        Mount Vernon\tNY
        Schenectady\tNY
        Utica\tNY
        White Plains\tNY
        Ithaca\tNY
        Binghamton\tNY
        Troy\tNY
        Poughkeepsie\tNY
        Niagara Falls\tNY
        Hempstead\tNY
        Saratoga Springs\tNY
        Los Angeles\tCA
        San Diego\tCA
        San Jose\tCA
        San Francisco\tCA
        Fresno\tCA
        Sacramento\tCA
        Long Beach\tCA
        Oakland\tCA
        Bakersfield\tCA
        Anaheim\tCA
        Santa Ana\tCA
        Riverside\tCA
        Stockton\tCA
        Irvine\tCA
        Chula Vista\tCA
        Fremont\tCA
        San Bernardino\tCA
        Modesto\tCA
        Fontana\tCA
        Oxnard\tCA
        Moreno Valley\tCA
        Huntington Beach\tCA
        Glendale\tCA
        Santa Clarita\tCA
        Oceanside\tCA
        Garden Grove\tCA
        Rancho Cucamonga\tCA
        Ontario\tCA
        Santa Rosa\tCA
        Elk Grove\tCA
        Corona\tCA
        Lancaster\tCA
        Palmdale\tCA
        Salinas\tCA
        Pomona\tCA
        Hayward\tCA
        Escondido\tCA
        Sunnyvale\tCA
        Torrance\tCA
        Pasadena\tCA
        Orange\tCA
        Fullerton\tCA
        Roseville\tCA
        Visalia\tCA
        Concord\tCA
        Thousand Oaks\tCA
        Santa Clara\tCA
        Simi Valley\tCA
        Victorville\tCA
        Vallejo\tCA
        Berkeley\tCA
        El Monte\tCA
        Downey\tCA
        Costa Mesa\tCA
        Inglewood\tCA
        Carlsbad\tCA
        San Buenaventura\tCA
        Fairfield\tCA
        West Covina\tCA
        Murrieta\tCA
        Richmond\tCA
        Norwalk\tCA
        Antioch\tCA
        Temecula\tCA
        Burbank\tCA
        Daly City\tCA
        Rialto\tCA
        El Cajon\tCA
        San Mateo\tCA
        Clovis\tCA
        Compton\tCA
        Jurupa Valley\tCA
        Vista\tCA
        South Gate\tCA
        Mission Viejo\tCA
        Vacaville\tCA
        Carson\tCA
        Hesperia\tCA
        Santa Maria\tCA
        Redding\tCA
        Santa Monica\tCA
        Santa Barbara\tCA
        San Luis Obispo\tCA
        Palo Alto\tCA
        Mountain View\tCA
        Chico\tCA
        Davis\tCA
        Redlands\tCA
        Palm Springs\tCA
        Eureka\tCA
        Monterey\tCA
        Houston\tTX
        San Antonio\tTX
        Dallas\tTX
        Austin\tTX
        Fort Worth\tTX
        El Paso\tTX
        Arlington\tTX
        Corpus Christi\tTX
        Plano\tTX
        Laredo\tTX
        Lubbock\tTX
        Garland\tTX
        Irving\tTX
        Amarillo\tTX
        Grand Prairie\tTX
        Brownsville\tTX
        McKinney\tTX
        Frisco\tTX
        Pasadena\tTX
        Killeen\tTX
        McAllen\tTX
        Mesquite\tTX
        Midland\tTX
        Denton\tTX
        Waco\tTX
        Carrollton\tTX
        Round Rock\tTX
        Abilene\tTX
        Pearland\tTX
        Richardson\tTX
        Odessa\tTX
        Sugar Land\tTX
        Beaumont\tTX
        The Woodlands\tTX
        Lewisville\tTX
        Tyler\tTX
        League City\tTX
        College Station\tTX
        San Angelo\tTX
        Wichita Falls\tTX
        Allen\tTX
        Edinburg\tTX
        Conroe\tTX
        Galveston\tTX
        Temple\tTX
        Longview\tTX
        Bryan\tTX
        Victoria\tTX
        Georgetown\tTX
        New Braunfels\tTX
        Jacksonville\tFL
        Miami\tFL
        Tampa\tFL
        Orlando\tFL
        St. Petersburg\tFL
        Hialeah\tFL
        Port St. Lucie\tFL
        Tallahassee\tFL
        Cape Coral\tFL
        Fort Lauderdale\tFL
        Pembroke Pines\tFL
        Hollywood\tFL
        Miramar\tFL
        Gainesville\tFL
        Coral Springs\tFL
        Clearwater\tFL
        Miami Gardens\tFL
        Palm Bay\tFL
        West Palm Beach\tFL
        Pompano Beach\tFL
        Lakeland\tFL
        Davie\tFL
        Boca Raton\tFL
        Sunrise\tFL
        Deltona\tFL
        Plantation\tFL
        Fort Myers\tFL
        Palm Coast\tFL
        Melbourne\tFL
        Largo\tFL
        Daytona Beach\tFL
        Sarasota\tFL
        Pensacola\tFL
        Ocala\tFL
        Naples\tFL
        Kissimmee\tFL
        Boynton Beach\tFL
        Key West\tFL
        Panama City\tFL
        Chicago\tIL
        Aurora\tIL
        Naperville\tIL
        Joliet\tIL
        Rockford\tIL
        Springfield\tIL
        Elgin\tIL
        Peoria\tIL
        Champaign\tIL
        Waukegan\tIL
        Cicero\tIL
        Bloomington\tIL
        Evanston\tIL
        Decatur\tIL
        Schaumburg\tIL
        Skokie\tIL
        Oak Park\tIL
        Carbondale\tIL
        Philadelphia\tPA
        Pittsburgh\tPA
        Allentown\tPA
        Reading\tPA
        Erie\tPA
        Scranton\tPA
        Bethlehem\tPA
        Lancaster\tPA
        Harrisburg\tPA
        York\tPA
        Altoona\tPA
        Wilkes-Barre\tPA
        State College\tPA
        Chester\tPA
        Phoenix\tAZ
        Tucson\tAZ
        Mesa\tAZ
        Chandler\tAZ
        Gilbert\tAZ
        Glendale\tAZ
        Scottsdale\tAZ
        Peoria\tAZ
        Tempe\tAZ
        Surprise\tAZ
        Yuma\tAZ
        Flagstaff\tAZ
        Goodyear\tAZ
        Prescott\tAZ
        Columbus\tOH
        Cleveland\tOH
        Cincinnati\tOH
        Toledo\tOH
        Akron\tOH
        Dayton\tOH
        Parma\tOH
        Canton\tOH
        Youngstown\tOH
        Lorain\tOH
        Hamilton\tOH
        Springfield\tOH
        Kettering\tOH
        Dublin\tOH
        Charlotte\tNC
        Raleigh\tNC
        Greensboro\tNC
        Durham\tNC
        Winston-Salem\tNC
        Fayetteville\tNC
        Cary\tNC
        Wilmington\tNC
        High Point\tNC
        Concord\tNC
        Asheville\tNC
        Greenville\tNC
        Chapel Hill\tNC
        Gastonia\tNC
        Detroit\tMI
        Grand Rapids\tMI
        Warren\tMI
        Sterling Heights\tMI
        Ann Arbor\tMI
        Lansing\tMI
        Flint\tMI
        Dearborn\tMI
        Livonia\tMI
        Troy\tMI
        Kalamazoo\tMI
        Southfield\tMI
        Saginaw\tMI
        Traverse City\tMI
        Atlanta\tGA
        Columbus\tGA
        Augusta\tGA
        Macon\tGA
        Savannah\tGA
        Athens\tGA
        Sandy Springs\tGA
        Roswell\tGA
        Johns Creek\tGA
        Albany\tGA
        Marietta\tGA
        Valdosta\tGA
        Seattle\tWA
        Spokane\tWA
        Tacoma\tWA
        Vancouver\tWA
        Bellevue\tWA
        Kent\tWA
        Everett\tWA
        Renton\tWA
        Spokane Valley\tWA
        Federal Way\tWA
        Yakima\tWA
        Kirkland\tWA
        Bellingham\tWA
        Olympia\tWA
        Redmond\tWA
        Boston\tMA
        Worcester\tMA
        Springfield\tMA
        Cambridge\tMA
        Lowell\tMA
        Brockton\tMA
        New Bedford\tMA
        Quincy\tMA
        Lynn\tMA
        Fall River\tMA
        Newton\tMA
        Somerville\tMA
        Salem\tMA
        Plymouth\tMA
        Nashville\tTN
        Memphis\tTN
        Knoxville\tTN
        Chattanooga\tTN
        Clarksville\tTN
        Murfreesboro\tTN
        Franklin\tTN
        Jackson\tTN
        Johnson City\tTN
        Indianapolis\tIN
        Fort Wayne\tIN
        Evansville\tIN
        South Bend\tIN
        Carmel\tIN
        Fishers\tIN
        Bloomington\tIN
        Hammond\tIN
        Gary\tIN
        Lafayette\tIN
        Muncie\tIN
        Denver\tCO
        Colorado Springs\tCO
        Aurora\tCO
        Fort Collins\tCO
        Lakewood\tCO
        Thornton\tCO
        Arvada\tCO
        Westminster\tCO
        Pueblo\tCO
        Boulder\tCO
        Greeley\tCO
        Grand Junction\tCO
        Baltimore\tMD
        Frederick\tMD
        Rockville\tMD
        Gaithersburg\tMD
        Bowie\tMD
        Hagerstown\tMD
        Annapolis\tMD
        Columbia\tMD
        Silver Spring\tMD
        Milwaukee\tWI
        Madison\tWI
        Green Bay\tWI
        Kenosha\tWI
        Racine\tWI
        Appleton\tWI
        Waukesha\tWI
        Eau Claire\tWI
        Oshkosh\tWI
        La Crosse\tWI
        Minneapolis\tMN
        Saint Paul\tMN
        Rochester\tMN
        Duluth\tMN
        Bloomington\tMN
        Brooklyn Park\tMN
        Plymouth\tMN
        St. Cloud\tMN
        Mankato\tMN
        Kansas City\tMO
        St. Louis\tMO
        Springfield\tMO
        Columbia\tMO
        Independence\tMO
        Lee's Summit\tMO
        St. Joseph\tMO
        Joplin\tMO
        Jefferson City\tMO
        Virginia Beach\tVA
        Norfolk\tVA
        Chesapeake\tVA
        Richmond\tVA
        Newport News\tVA
        Alexandria\tVA
        Hampton\tVA
        Roanoke\tVA
        Portsmouth\tVA
        Lynchburg\tVA
        Charlottesville\tVA
        Arlington\tVA
        Harrisonburg\tVA
        Newark\tNJ
        Jersey City\tNJ
        Paterson\tNJ
        Elizabeth\tNJ
        Trenton\tNJ
        Camden\tNJ
        Clifton\tNJ
        Passaic\tNJ
        Hoboken\tNJ
        New Brunswick\tNJ
        Atlantic City\tNJ
        Princeton\tNJ
        Louisville\tKY
        Lexington\tKY
        Bowling Green\tKY
        Owensboro\tKY
        Covington\tKY
        Frankfort\tKY
        Richmond\tKY
        Portland\tOR
        Salem\tOR
        Eugene\tOR
        Gresham\tOR
        Hillsboro\tOR
        Beaverton\tOR
        Bend\tOR
        Medford\tOR
        Corvallis\tOR
        Oklahoma City\tOK
        Tulsa\tOK
        Norman\tOK
        Broken Arrow\tOK
        Edmond\tOK
        Lawton\tOK
        Stillwater\tOK
        Las Vegas\tNV
        Henderson\tNV
        Reno\tNV
        North Las Vegas\tNV
        Sparks\tNV
        Carson City\tNV
        Elko\tNV
        New Orleans\tLA
        Baton Rouge\tLA
        Shreveport\tLA
        Lafayette\tLA
        Lake Charles\tLA
        Monroe\tLA
        Alexandria\tLA
        Houma\tLA
        Albuquerque\tNM
        Las Cruces\tNM
        Rio Rancho\tNM
        Santa Fe\tNM
        Roswell\tNM
        Farmington\tNM
        Birmingham\tAL
        Montgomery\tAL
        Huntsville\tAL
        Mobile\tAL
        Tuscaloosa\tAL
        Hoover\tAL
        Dothan\tAL
        Auburn\tAL
        Bridgeport\tCT
        New Haven\tCT
        Stamford\tCT
        Hartford\tCT
        Waterbury\tCT
        Norwalk\tCT
        Danbury\tCT
        New London\tCT
        Greenwich\tCT
        Columbia\tSC
        Charleston\tSC
        North Charleston\tSC
        Mount Pleasant\tSC
        Rock Hill\tSC
        Greenville\tSC
        Spartanburg\tSC
        Myrtle Beach\tSC
        Des Moines\tIA
        Cedar Rapids\tIA
        Davenport\tIA
        Sioux City\tIA
        Iowa City\tIA
        Waterloo\tIA
        Ames\tIA
        Dubuque\tIA
        Salt Lake City\tUT
        West Valley City\tUT
        Provo\tUT
        West Jordan\tUT
        Orem\tUT
        Sandy\tUT
        Ogden\tUT
        St. George\tUT
        Logan\tUT
        Little Rock\tAR
        Fort Smith\tAR
        Fayetteville\tAR
        Springdale\tAR
        Jonesboro\tAR
        Conway\tAR
        Rogers\tAR
        Bentonville\tAR
        Jackson\tMS
        Gulfport\tMS
        Southaven\tMS
        Hattiesburg\tMS
        Biloxi\tMS
        Tupelo\tMS
        Meridian\tMS
        Wichita\tKS
        Overland Park\tKS
        Kansas City\tKS
        Olathe\tKS
        Topeka\tKS
        Lawrence\tKS
        Manhattan\tKS
        Salina\tKS
        Omaha\tNE
        Lincoln\tNE
        Bellevue\tNE
        Grand Island\tNE
        Kearney\tNE
        North Platte\tNE
        Boise\tID
        Meridian\tID
        Nampa\tID
        Idaho Falls\tID
        Pocatello\tID
        Coeur d'Alene\tID
        Twin Falls\tID
        Honolulu\tHI
        Hilo\tHI
        Kailua\tHI
        Pearl City\tHI
        Kahului\tHI
        Kapolei\tHI
        Anchorage\tAK
        Fairbanks\tAK
        Juneau\tAK
        Wasilla\tAK
        Sitka\tAK
        Ketchikan\tAK
        Manchester\tNH
        Nashua\tNH
        Concord\tNH
        Dover\tNH
        Rochester\tNH
        Portsmouth\tNH
        Keene\tNH
        Portland\tME
        Lewiston\tME
        Bangor\tME
        South Portland\tME
        Auburn\tME
        Augusta\tME
        Providence\tRI
        Warwick\tRI
        Cranston\tRI
        Pawtucket\tRI
        Newport\tRI
        Woonsocket\tRI
        Billings\tMT
        Missoula\tMT
        Great Falls\tMT
        Bozeman\tMT
        Butte\tMT
        Helena\tMT
        Kalispell\tMT
        Wilmington\tDE
        Dover\tDE
        Newark\tDE
        Middletown\tDE
        Lewes\tDE
        Sioux Falls\tSD
        Rapid City\tSD
        Aberdeen\tSD
        Brookings\tSD
        Watertown\tSD
        Pierre\tSD
        Fargo\tND
        Bismarck\tND
        Grand Forks\tND
        Minot\tND
        West Fargo\tND
        Williston\tND
        Charleston\tWV
        Huntington\tWV
        Morgantown\tWV
        Parkersburg\tWV
        Wheeling\tWV
        Martinsburg\tWV
        Burlington\tVT
        South Burlington\tVT
        Rutland\tVT
        Montpelier\tVT
        Barre\tVT
        Brattleboro\tVT
        Cheyenne\tWY
        Casper\tWY
        Laramie\tWY
        Gillette\tWY
        Rock Springs\tWY
        Sheridan\tWY
        Washington\tDC
        """

    /// Street base names without a suffix.
    static let streetNames: StaticString = """
        Main
        Oak
        Maple
        Washington
        Park
        Lake
        Hill
        Cedar
        Elm
        Sunset
        Lincoln
        Jackson
        Church
        Mill
        River
        Spring
        Pine
        First
        Second
        Third
        Fourth
        Fifth
        Sixth
        Seventh
        Eighth
        Ninth
        Tenth
        Walnut
        Chestnut
        Willow
        Birch
        Cherry
        Hickory
        Dogwood
        Magnolia
        Sycamore
        Poplar
        Spruce
        Aspen
        Laurel
        Holly
        Juniper
        Cypress
        Redwood
        Hemlock
        Ash
        Beech
        Linden
        Locust
        Mulberry
        Peach
        Apple
        Orchard
        Meadow
        Forest
        Highland
        Valley
        Ridge
        Summit
        Prospect
        Pleasant
        Center
        Central
        Broad
        Market
        High
        North
        South
        East
        West
        Front
        Water
        Bridge
        Railroad
        Depot
        Union
        Franklin
        Jefferson
        Madison
        Monroe
        Adams
        Wilson
        Roosevelt
        Kennedy
        Grant
        Hamilton
        Harrison
        Cleveland
        Taylor
        Polk
        Tyler
        Pierce
        Johnson
        Garfield
        Hayes
        Clinton
        Lafayette
        Greenwood
        Riverside
        Lakeview
        Hillcrest
        Fairview
        Bayview
        Brookside
        Woodland
        Parkview
        Country Club
        College
        University
        School
        Academy
        Hospital
        Airport
        Industrial
        Commerce
        Liberty
        Independence
        Heritage
        Colonial
        Windsor
        Cambridge
        Oxford
        Devon
        Kingston
        Hampton
        Belmont
        Carriage
        Canterbury
        Sherwood
        Stratford
        Somerset
        Wellington
        Victoria
        Lexington
        Concord
        Arlington
        Georgetown
        Augusta
        Dover
        Chester
        Salem
        Trenton
        Newport
        Durham
        Charleston
        Richmond
        Jamestown
        Mountain
        Canyon
        Mesa
        Desert
        Prairie
        Harbor
        Bay
        Ocean
        Beach
        Shore
        Island
        Creek
        Brook
        Pond
        Falls
        Glen
        Grove
        Garden
        Rose
        Lilac
        Sunflower
        Daisy
        Ivy
        Clover
        Heather
        Sage
        Rosewood
        Briarwood
        Oakwood
        Pinewood
        Elmwood
        Maplewood
        Cedarwood
        Wildwood
        Kirkwood
        Edgewood
        Lakewood
        Westwood
        Eastwood
        Northwood
        Southwood
        Sunrise
        Sunnyside
        Morning Star
        Evergreen
        Foxrun
        Deer
        Eagle
        Hawk
        Falcon
        Cardinal
        Robin
        Bluebird
        Sparrow
        Quail
        Pheasant
        Fox
        Bear
        Wolf
        Buffalo
        Mustang
        Stagecoach
        Ranch
        Farm
        Barn
        Meadowbrook
        Stonebridge
        Old Mill
        Mill Creek
        Cross
        Ferry
        Canal
        Dock
        Pier
        Lighthouse
        Chapel
        Abbey
        Castle
        Manor
        Vineyard
        Vista
        Skyline
        Horizon
        Crestview
        Ridgeview
        Valley View
        Mountain View
        Lake Shore
        King
        Queen
        Prince
        Duke
        Bishop
        Walker
        Allen
        Green
        Brown
        White
        Young
        Carter
        Evans
        Baker
        Hall
        Lee
        Martin
        Thompson
        Wood
        Spring Valley
        Silver
        Gold
        Copper
        Iron
        Granite
        Marble
        Crystal
        Emerald
        Pearl
        Coral
        Amber
        Ruby
        """

    /// Street suffixes with relative weights.
    static let streetSuffixes: StaticString = """
        Street\t20
        Avenue\t14
        Road\t12
        Drive\t12
        Lane\t8
        Court\t7
        Way\t6
        Boulevard\t5
        Place\t5
        Circle\t5
        Terrace\t3
        Trail\t3
        Parkway\t3
        Highway\t2
        Square\t1
        Loop\t2
        Path\t1
        Pike\t1
        Alley\t1
        Crossing\t1
        Run\t1
        Ridge\t2
        Hollow\t1
        Heights\t1
        Point\t1
        Springs\t1
        Grove\t1
        Pass\t1
        Plaza\t1
        Row\t1
        Crescent\t1
        Creek\t1
        Estates\t1
        Expressway\t1
        Freeway\t1
        Glen\t1
        Green\t1
        Harbor\t1
        Knoll\t1
        Landing\t1
        Meadows\t1
        Mews\t1
        Orchard\t1
        Pines\t1
        Shores\t1
        Station\t1
        Summit\t1
        Turnpike\t1
        View\t1
        Vista\t1
        Walk\t1
        Bend\t1
        Cove\t2
        Fields\t1
        Gardens\t1
        Junction\t1
        Manor\t1
        Oval\t1
        Valley\t1
        Village\t1
        Hill\t1
        Park\t1
        """

    /// USPS abbreviations, line for line aligned with streetSuffixes.
    static let streetSuffixAbbreviations: StaticString = """
        St
        Ave
        Rd
        Dr
        Ln
        Ct
        Way
        Blvd
        Pl
        Cir
        Ter
        Trl
        Pkwy
        Hwy
        Sq
        Loop
        Path
        Pike
        Aly
        Xing
        Run
        Rdg
        Holw
        Hts
        Pt
        Spgs
        Grv
        Pass
        Plz
        Row
        Cres
        Crk
        Ests
        Expy
        Fwy
        Gln
        Grn
        Hbr
        Knl
        Lndg
        Mdws
        Mews
        Orch
        Pnes
        Shrs
        Sta
        Smt
        Tpke
        Vw
        Vis
        Walk
        Bnd
        Cv
        Flds
        Gdns
        Jct
        Mnr
        Oval
        Vly
        Vlg
        Hl
        Park
        """

    /// Secondary address unit formats; # is a digit placeholder.
    static let secondaryAddressFormats: StaticString = """
        Apt. ###
        Suite ###
        """

    /// ISO 3166-1 countries: English short name, alpha-2 code, alpha-3 code.
    static let countries: StaticString = """
        Afghanistan\tAF\tAFG
        Åland Islands\tAX\tALA
        Albania\tAL\tALB
        Algeria\tDZ\tDZA
        American Samoa\tAS\tASM
        Andorra\tAD\tAND
        Angola\tAO\tAGO
        Anguilla\tAI\tAIA
        Antarctica\tAQ\tATA
        Antigua and Barbuda\tAG\tATG
        Argentina\tAR\tARG
        Armenia\tAM\tARM
        Aruba\tAW\tABW
        Australia\tAU\tAUS
        Austria\tAT\tAUT
        Azerbaijan\tAZ\tAZE
        Bahamas\tBS\tBHS
        Bahrain\tBH\tBHR
        Bangladesh\tBD\tBGD
        Barbados\tBB\tBRB
        Belarus\tBY\tBLR
        Belgium\tBE\tBEL
        Belize\tBZ\tBLZ
        Benin\tBJ\tBEN
        Bermuda\tBM\tBMU
        Bhutan\tBT\tBTN
        Bolivia\tBO\tBOL
        Bonaire, Sint Eustatius and Saba\tBQ\tBES
        Bosnia and Herzegovina\tBA\tBIH
        Botswana\tBW\tBWA
        Bouvet Island\tBV\tBVT
        Brazil\tBR\tBRA
        British Indian Ocean Territory\tIO\tIOT
        Brunei Darussalam\tBN\tBRN
        Bulgaria\tBG\tBGR
        Burkina Faso\tBF\tBFA
        Burundi\tBI\tBDI
        Cabo Verde\tCV\tCPV
        Cambodia\tKH\tKHM
        Cameroon\tCM\tCMR
        Canada\tCA\tCAN
        Cayman Islands\tKY\tCYM
        Central African Republic\tCF\tCAF
        Chad\tTD\tTCD
        Chile\tCL\tCHL
        China\tCN\tCHN
        Christmas Island\tCX\tCXR
        Cocos (Keeling) Islands\tCC\tCCK
        Colombia\tCO\tCOL
        Comoros\tKM\tCOM
        Congo\tCG\tCOG
        Democratic Republic of the Congo\tCD\tCOD
        Cook Islands\tCK\tCOK
        Costa Rica\tCR\tCRI
        Côte d'Ivoire\tCI\tCIV
        Croatia\tHR\tHRV
        Cuba\tCU\tCUB
        Curaçao\tCW\tCUW
        Cyprus\tCY\tCYP
        Czechia\tCZ\tCZE
        Denmark\tDK\tDNK
        Djibouti\tDJ\tDJI
        Dominica\tDM\tDMA
        Dominican Republic\tDO\tDOM
        Ecuador\tEC\tECU
        Egypt\tEG\tEGY
        El Salvador\tSV\tSLV
        Equatorial Guinea\tGQ\tGNQ
        Eritrea\tER\tERI
        Estonia\tEE\tEST
        Eswatini\tSZ\tSWZ
        Ethiopia\tET\tETH
        Falkland Islands (Malvinas)\tFK\tFLK
        Faroe Islands\tFO\tFRO
        Fiji\tFJ\tFJI
        Finland\tFI\tFIN
        France\tFR\tFRA
        French Guiana\tGF\tGUF
        French Polynesia\tPF\tPYF
        French Southern Territories\tTF\tATF
        Gabon\tGA\tGAB
        Gambia\tGM\tGMB
        Georgia\tGE\tGEO
        Germany\tDE\tDEU
        Ghana\tGH\tGHA
        Gibraltar\tGI\tGIB
        Greece\tGR\tGRC
        Greenland\tGL\tGRL
        Grenada\tGD\tGRD
        Guadeloupe\tGP\tGLP
        Guam\tGU\tGUM
        Guatemala\tGT\tGTM
        Guernsey\tGG\tGGY
        Guinea\tGN\tGIN
        Guinea-Bissau\tGW\tGNB
        Guyana\tGY\tGUY
        Haiti\tHT\tHTI
        Heard Island and McDonald Islands\tHM\tHMD
        Holy See\tVA\tVAT
        Honduras\tHN\tHND
        Hong Kong\tHK\tHKG
        Hungary\tHU\tHUN
        Iceland\tIS\tISL
        India\tIN\tIND
        Indonesia\tID\tIDN
        Iran\tIR\tIRN
        Iraq\tIQ\tIRQ
        Ireland\tIE\tIRL
        Isle of Man\tIM\tIMN
        Israel\tIL\tISR
        Italy\tIT\tITA
        Jamaica\tJM\tJAM
        Japan\tJP\tJPN
        Jersey\tJE\tJEY
        Jordan\tJO\tJOR
        Kazakhstan\tKZ\tKAZ
        Kenya\tKE\tKEN
        Kiribati\tKI\tKIR
        North Korea\tKP\tPRK
        South Korea\tKR\tKOR
        Kuwait\tKW\tKWT
        Kyrgyzstan\tKG\tKGZ
        Laos\tLA\tLAO
        Latvia\tLV\tLVA
        Lebanon\tLB\tLBN
        Lesotho\tLS\tLSO
        Liberia\tLR\tLBR
        Libya\tLY\tLBY
        Liechtenstein\tLI\tLIE
        Lithuania\tLT\tLTU
        Luxembourg\tLU\tLUX
        Macao\tMO\tMAC
        Madagascar\tMG\tMDG
        Malawi\tMW\tMWI
        Malaysia\tMY\tMYS
        Maldives\tMV\tMDV
        Mali\tML\tMLI
        Malta\tMT\tMLT
        Marshall Islands\tMH\tMHL
        Martinique\tMQ\tMTQ
        Mauritania\tMR\tMRT
        Mauritius\tMU\tMUS
        Mayotte\tYT\tMYT
        Mexico\tMX\tMEX
        Micronesia\tFM\tFSM
        Moldova\tMD\tMDA
        Monaco\tMC\tMCO
        Mongolia\tMN\tMNG
        Montenegro\tME\tMNE
        Montserrat\tMS\tMSR
        Morocco\tMA\tMAR
        Mozambique\tMZ\tMOZ
        Myanmar\tMM\tMMR
        Namibia\tNA\tNAM
        Nauru\tNR\tNRU
        Nepal\tNP\tNPL
        Netherlands\tNL\tNLD
        New Caledonia\tNC\tNCL
        New Zealand\tNZ\tNZL
        Nicaragua\tNI\tNIC
        Niger\tNE\tNER
        Nigeria\tNG\tNGA
        Niue\tNU\tNIU
        Norfolk Island\tNF\tNFK
        North Macedonia\tMK\tMKD
        Northern Mariana Islands\tMP\tMNP
        Norway\tNO\tNOR
        Oman\tOM\tOMN
        Pakistan\tPK\tPAK
        Palau\tPW\tPLW
        Palestine\tPS\tPSE
        Panama\tPA\tPAN
        Papua New Guinea\tPG\tPNG
        Paraguay\tPY\tPRY
        Peru\tPE\tPER
        Philippines\tPH\tPHL
        Pitcairn\tPN\tPCN
        Poland\tPL\tPOL
        Portugal\tPT\tPRT
        Puerto Rico\tPR\tPRI
        Qatar\tQA\tQAT
        Réunion\tRE\tREU
        Romania\tRO\tROU
        Russia\tRU\tRUS
        Rwanda\tRW\tRWA
        Saint Barthélemy\tBL\tBLM
        Saint Helena, Ascension and Tristan da Cunha\tSH\tSHN
        Saint Kitts and Nevis\tKN\tKNA
        Saint Lucia\tLC\tLCA
        Saint Martin (French part)\tMF\tMAF
        Saint Pierre and Miquelon\tPM\tSPM
        Saint Vincent and the Grenadines\tVC\tVCT
        Samoa\tWS\tWSM
        San Marino\tSM\tSMR
        Sao Tome and Principe\tST\tSTP
        Saudi Arabia\tSA\tSAU
        Senegal\tSN\tSEN
        Serbia\tRS\tSRB
        Seychelles\tSC\tSYC
        Sierra Leone\tSL\tSLE
        Singapore\tSG\tSGP
        Sint Maarten (Dutch part)\tSX\tSXM
        Slovakia\tSK\tSVK
        Slovenia\tSI\tSVN
        Solomon Islands\tSB\tSLB
        Somalia\tSO\tSOM
        South Africa\tZA\tZAF
        South Georgia and the South Sandwich Islands\tGS\tSGS
        South Sudan\tSS\tSSD
        Spain\tES\tESP
        Sri Lanka\tLK\tLKA
        Sudan\tSD\tSDN
        Suriname\tSR\tSUR
        Svalbard and Jan Mayen\tSJ\tSJM
        Sweden\tSE\tSWE
        Switzerland\tCH\tCHE
        Syria\tSY\tSYR
        Taiwan\tTW\tTWN
        Tajikistan\tTJ\tTJK
        Tanzania\tTZ\tTZA
        Thailand\tTH\tTHA
        Timor-Leste\tTL\tTLS
        Togo\tTG\tTGO
        Tokelau\tTK\tTKL
        Tonga\tTO\tTON
        Trinidad and Tobago\tTT\tTTO
        Tunisia\tTN\tTUN
        Türkiye\tTR\tTUR
        Turkmenistan\tTM\tTKM
        Turks and Caicos Islands\tTC\tTCA
        Tuvalu\tTV\tTUV
        Uganda\tUG\tUGA
        Ukraine\tUA\tUKR
        United Arab Emirates\tAE\tARE
        United Kingdom\tGB\tGBR
        United States\tUS\tUSA
        United States Minor Outlying Islands\tUM\tUMI
        Uruguay\tUY\tURY
        Uzbekistan\tUZ\tUZB
        Vanuatu\tVU\tVUT
        Venezuela\tVE\tVEN
        Vietnam\tVN\tVNM
        British Virgin Islands\tVG\tVGB
        U.S. Virgin Islands\tVI\tVIR
        Wallis and Futuna\tWF\tWLF
        Western Sahara\tEH\tESH
        Yemen\tYE\tYEM
        Zambia\tZM\tZMB
        Zimbabwe\tZW\tZWE
        """
}
