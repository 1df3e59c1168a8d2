extension EnGBData {
    /// The four countries of the United Kingdom with their ISO 3166-2:GB codes.
    static let regions: StaticString = """
        England\tENG
        Scotland\tSCT
        Wales\tWLS
        Northern Ireland\tNIR
        """

    /// Real towns and cities: city, country code, postcode pattern with the town's real postcode area letters.
    static let cities: StaticString = """
        London\tENG\tSE## #??
        Birmingham\tENG\tB## #??
        Manchester\tENG\tM## #??
        Leeds\tENG\tLS# #??
        Glasgow\tSCT\tG## #??
        Liverpool\tENG\tL## #??
        Sheffield\tENG\tS## #??
        Bristol\tENG\tBS# #??
        Edinburgh\tSCT\tEH# #??
        Cardiff\tWLS\tCF## #??
        Belfast\tNIR\tBT# #??
        Leicester\tENG\tLE# #??
        Coventry\tENG\tCV# #??
        Bradford\tENG\tBD# #??
        Nottingham\tENG\tNG# #??
        Hull\tENG\tHU# #??
        Newcastle upon Tyne\tENG\tNE# #??
        Stoke-on-Trent\tENG\tST# #??
        Southampton\tENG\tSO1# #??
        Derby\tENG\tDE# #??
        Portsmouth\tENG\tPO# #??
        Brighton\tENG\tBN# #??
        Plymouth\tENG\tPL# #??
        Northampton\tENG\tNN# #??
        Reading\tENG\tRG# #??
        Luton\tENG\tLU# #??
        Wolverhampton\tENG\tWV# #??
        Bolton\tENG\tBL# #??
        Aberdeen\tSCT\tAB1# #??
        Bournemouth\tENG\tBH# #??
        Norwich\tENG\tNR# #??
        Swindon\tENG\tSN# #??
        Swansea\tWLS\tSA# #??
        Southend-on-Sea\tENG\tSS# #??
        Middlesbrough\tENG\tTS# #??
        Milton Keynes\tENG\tMK1# #??
        Sunderland\tENG\tSR# #??
        Warrington\tENG\tWA# #??
        Huddersfield\tENG\tHD# #??
        Peterborough\tENG\tPE# #??
        Oxford\tENG\tOX# #??
        Slough\tENG\tSL# #??
        Poole\tENG\tBH1# #??
        York\tENG\tYO## #??
        Ipswich\tENG\tIP# #??
        Cambridge\tENG\tCB# #??
        Dundee\tSCT\tDD# #??
        Gloucester\tENG\tGL# #??
        Exeter\tENG\tEX# #??
        Blackpool\tENG\tFY# #??
        Telford\tENG\tTF# #??
        Blackburn\tENG\tBB# #??
        Preston\tENG\tPR# #??
        Newport\tWLS\tNP## #??
        Chelmsford\tENG\tCM# #??
        Colchester\tENG\tCO# #??
        Crawley\tENG\tRH1# #??
        Cheltenham\tENG\tGL5# #??
        Basildon\tENG\tSS1# #??
        Maidstone\tENG\tME1# #??
        Worthing\tENG\tBN1# #??
        Rochdale\tENG\tOL1# #??
        Oldham\tENG\tOL# #??
        Stockport\tENG\tSK# #??
        Wigan\tENG\tWN# #??
        Salford\tENG\tM# #??
        Doncaster\tENG\tDN# #??
        Rotherham\tENG\tS6# #??
        Barnsley\tENG\tS7# #??
        Wakefield\tENG\tWF# #??
        Halifax\tENG\tHX# #??
        Harrogate\tENG\tHG# #??
        Lincoln\tENG\tLN# #??
        Carlisle\tENG\tCA# #??
        Lancaster\tENG\tLA# #??
        Durham\tENG\tDH# #??
        Darlington\tENG\tDL# #??
        Hartlepool\tENG\tTS2# #??
        Gateshead\tENG\tNE# #??
        Chester\tENG\tCH# #??
        Crewe\tENG\tCW# #??
        Shrewsbury\tENG\tSY# #??
        Hereford\tENG\tHR# #??
        Worcester\tENG\tWR# #??
        Walsall\tENG\tWS# #??
        Dudley\tENG\tDY# #??
        Stafford\tENG\tST1# #??
        Chesterfield\tENG\tS4# #??
        Mansfield\tENG\tNG1# #??
        Bedford\tENG\tMK4# #??
        Watford\tENG\tWD## #??
        St Albans\tENG\tAL# #??
        Stevenage\tENG\tSG# #??
        Harlow\tENG\tCM1# #??
        Guildford\tENG\tGU# #??
        Woking\tENG\tGU2# #??
        Canterbury\tENG\tCT# #??
        Dover\tENG\tCT1# #??
        Tunbridge Wells\tENG\tTN# #??
        Hastings\tENG\tTN3# #??
        Eastbourne\tENG\tBN2# #??
        Chichester\tENG\tPO1# #??
        Winchester\tENG\tSO2# #??
        Basingstoke\tENG\tRG2# #??
        Salisbury\tENG\tSP# #??
        Bath\tENG\tBA# #??
        Taunton\tENG\tTA# #??
        Torquay\tENG\tTQ# #??
        Truro\tENG\tTR# #??
        Weymouth\tENG\tDT# #??
        High Wycombe\tENG\tHP1# #??
        Aylesbury\tENG\tHP2# #??
        Kettering\tENG\tNN1# #??
        Grimsby\tENG\tDN3# #??
        Scunthorpe\tENG\tDN1# #??
        Scarborough\tENG\tYO1# #??
        King's Lynn\tENG\tPE3# #??
        Great Yarmouth\tENG\tNR3# #??
        Bury St Edmunds\tENG\tIP3# #??
        Southport\tENG\tPR# #??
        Birkenhead\tENG\tCH4# #??
        St Helens\tENG\tWA1# #??
        Burnley\tENG\tBB1# #??
        Kendal\tENG\tLA# #??
        Barrow-in-Furness\tENG\tLA1# #??
        Sutton Coldfield\tENG\tB7# #??
        Solihull\tENG\tB9# #??
        Croydon\tENG\tCR# #??
        Romford\tENG\tRM# #??
        Kingston upon Thames\tENG\tKT# #??
        Harrow\tENG\tHA# #??
        Bromley\tENG\tBR# #??
        Ilford\tENG\tIG# #??
        Enfield\tENG\tEN# #??
        Twickenham\tENG\tTW# #??
        Uxbridge\tENG\tUB# #??
        Sutton\tENG\tSM# #??
        Dartford\tENG\tDA# #??
        Stirling\tSCT\tFK# #??
        Perth\tSCT\tPH# #??
        Inverness\tSCT\tIV# #??
        Paisley\tSCT\tPA# #??
        Kilmarnock\tSCT\tKA# #??
        Ayr\tSCT\tKA# #??
        Dunfermline\tSCT\tKY1# #??
        Kirkcaldy\tSCT\tKY# #??
        Livingston\tSCT\tEH5# #??
        Falkirk\tSCT\tFK# #??
        East Kilbride\tSCT\tG7# #??
        Hamilton\tSCT\tML# #??
        Motherwell\tSCT\tML# #??
        Dumfries\tSCT\tDG# #??
        Galashiels\tSCT\tTD# #??
        Elgin\tSCT\tIV3# #??
        Fort William\tSCT\tPH3# #??
        Oban\tSCT\tPA3# #??
        Kirkwall\tSCT\tKW15 #??
        Lerwick\tSCT\tZE# #??
        Stornoway\tSCT\tHS# #??
        St Andrews\tSCT\tKY16 #??
        Greenock\tSCT\tPA1# #??
        Cumbernauld\tSCT\tG6# #??
        Wrexham\tWLS\tLL1# #??
        Bangor\tWLS\tLL57 #??
        Aberystwyth\tWLS\tSY23 #??
        Barry\tWLS\tCF6# #??
        Merthyr Tydfil\tWLS\tCF4# #??
        Bridgend\tWLS\tCF3# #??
        Neath\tWLS\tSA1# #??
        Llanelli\tWLS\tSA1# #??
        Carmarthen\tWLS\tSA3# #??
        Pontypridd\tWLS\tCF3# #??
        Caerphilly\tWLS\tCF83 #??
        Rhyl\tWLS\tLL18 #??
        Llandudno\tWLS\tLL3# #??
        Haverfordwest\tWLS\tSA6# #??
        Brecon\tWLS\tLD3 #??
        Cwmbran\tWLS\tNP44 #??
        Derry\tNIR\tBT4# #??
        Lisburn\tNIR\tBT2# #??
        Newry\tNIR\tBT3# #??
        Armagh\tNIR\tBT6# #??
        Ballymena\tNIR\tBT4# #??
        Craigavon\tNIR\tBT6# #??
        Omagh\tNIR\tBT7# #??
        Enniskillen\tNIR\tBT74 #??
        Coleraine\tNIR\tBT5# #??
        Newtownabbey\tNIR\tBT3# #??
        """

    /// Full street names including their type, as found all over the UK.
    static let streetNames: StaticString = """
        High Street
        Station Road
        Main Street
        Park Road
        Church Road
        Church Street
        London Road
        Victoria Road
        Green Lane
        Manor Road
        Church Lane
        Park Avenue
        The Avenue
        The Crescent
        Queens Road
        New Road
        Grange Road
        Kings Road
        Kingsway
        Windsor Road
        Highfield Road
        Mill Lane
        Alexandra Road
        York Road
        St Johns Road
        Main Road
        Broadway
        King Street
        The Green
        Springfield Road
        George Street
        Park Lane
        Victoria Street
        Albert Road
        Queensway
        New Street
        Queen Street
        West Street
        North Street
        Manchester Road
        The Drive
        Richmond Road
        Grove Road
        South Street
        School Lane
        The Close
        Stanley Road
        Water Lane
        Mill Road
        Chester Road
        Bridge Street
        Market Street
        Market Place
        Mill Street
        Castle Street
        Chapel Street
        School Road
        Albert Street
        Elm Grove
        Oak Avenue
        Beech Grove
        Cedar Close
        Maple Drive
        Willow Close
        Ash Grove
        Birch Avenue
        Holly Close
        Hawthorn Road
        Chestnut Avenue
        Sycamore Close
        Rowan Close
        Lime Grove
        Orchard Close
        Meadow Way
        Brook Lane
        Brookside
        Riverside
        Hill Road
        Hillside
        Hill Street
        Hillcrest
        Woodland Road
        Woodlands Road
        Wood Lane
        Forest Road
        Heath Road
        Moor Lane
        Farm Lane
        Farm Close
        Spring Lane
        Sandy Lane
        Stoney Lane
        Long Lane
        Back Lane
        Lower Road
        North Road
        South Road
        East Street
        West Road
        Princes Street
        Duke Street
        Regent Street
        Oxford Road
        Cambridge Road
        Nelson Road
        Wellington Road
        Trafalgar Road
        Waterloo Road
        Balmoral Road
        Clarence Road
        Cromwell Road
        Shakespeare Road
        Milton Road
        Byron Road
        Tennyson Road
        Wordsworth Avenue
        Churchill Way
        Churchill Road
        Jubilee Road
        Coronation Road
        Victoria Avenue
        Queens Avenue
        Kings Avenue
        Vicarage Road
        Vicarage Lane
        Rectory Lane
        Chapel Lane
        Abbey Road
        Priory Road
        Castle Road
        Bank Street
        Commercial Road
        Fore Street
        Front Street
        Bath Road
        Bristol Road
        Birmingham Road
        Derby Road
        Leeds Road
        Leicester Road
        Liverpool Road
        Stafford Road
        Warwick Road
        Coventry Road
        Glasgow Road
        Western Road
        Eastern Avenue
        Northgate
        Southgate
        Westgate
        The Parade
        The Square
        The Street
        The Ridgeway
        The Grove
        The Paddock
        The Meadows
        The Orchard
        The Spinney
        Beechwood Avenue
        Oakwood Drive
        Elmwood Avenue
        Fairfield Road
        Greenway
        Highfield Avenue
        Mount Pleasant
        Lansdowne Road
        Marlborough Road
        Devonshire Road
        Grosvenor Road
        Carlton Road
        Salisbury Road
        Belmont Road
        Osborne Road
        Kingston Road
        Hamilton Road
        Argyle Street
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
        1#a
        """
}
