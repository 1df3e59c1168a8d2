/// The it_IT tables, defined in `Locales/it_IT/`.
package enum ItITData {
    /// Italian data: names, the 20 regions, cities with their CAP, streets, phone numbers and companies.
    static let source = LocaleSource(
        id: "it_IT",
        countryName: "Italia",
        countryCode: "IT",
        firstNameMale: firstNameMale,
        firstNameFemale: firstNameFemale,
        lastName: lastName,
        prefixMale: prefixMale,
        prefixFemale: prefixFemale,
        nameFormat: "{first} {last}",
        regions: regions,
        cities: cities,
        streetNames: streetNames,
        buildingNumberFormats: buildingNumberFormats,
        streetAddressFormat: "{street_name} {building_number}",
        addressFormat: "{street_address}\n{postcode} {city} ({region_abbr})",
        phoneFormats: phoneFormats,
        companySuffixes: companySuffixes,
        companyFormats: companyFormats,
        jobs: jobs,
        freeEmailDomains: freeEmailDomains)

    /// Mobile and landline formats with relative weights.
    static let phoneFormats: StaticString = """
        33# ### ####\t4
        34# ### ####\t4
        32# ### ####\t3
        38# ### ####\t1
        39# ### ####\t2
        3## #######\t1
        +39 3## ### ####\t2
        +39 34# #######\t1
        02 ########\t2
        06 ########\t2
        011 #######\t1
        081 #######\t1
        055 #######\t1
        051 #######\t1
        091 #######\t1
        0## #######\t2
        0### ######\t1
        +39 02 ########\t1
        +39 06 ########\t1
        +39 0## #######\t1
        """

    /// Free email providers popular in the country.
    static let freeEmailDomains: StaticString = """
        libero.it
        virgilio.it
        tiscali.it
        alice.it
        tim.it
        email.it
        fastwebnet.it
        gmail.com
        hotmail.it
        yahoo.it
        outlook.it
        """
}
