/// The de_DE (Germany) tables, wired into a `LocaleSource`.
package enum DeDEData {
    static let source = LocaleSource(
        id: "de_DE",
        countryName: "Deutschland",
        countryCode: "DE",
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
        addressFormat: "{street_address}\n{postcode} {city}",
        phoneFormats: phoneFormats,
        companySuffixes: companySuffixes,
        companyFormats: companyFormats,
        jobs: jobs,
        freeEmailDomains: freeEmailDomains)

    /// Phone number patterns (area codes 02–09, mobile 015x/016x/017x), weighted.
    static let phoneFormats: StaticString = """
        02### ######\t2
        03### ######\t2
        04### ######\t2
        05### ######\t2
        06### ######\t2
        07### ######\t2
        08### ######\t2
        09### ######\t2
        030 ########\t2
        040 ########\t1
        089 ########\t1
        069 ########\t1
        0221 #######\t1
        015# ########\t3
        016# #######\t1
        017# ########\t3
        +49 15# ########\t1
        +49 17# ########\t1
        +49 (0)30 ########\t1
        +49 (0)2## #######\t1
        +49 (0)7## #######\t1
        +49 89 ########\t1
        """

    /// Free email providers popular in Germany.
    static let freeEmailDomains: StaticString = """
        web.de
        gmx.de
        gmx.net
        t-online.de
        gmail.com
        freenet.de
        yahoo.de
        outlook.de
        hotmail.de
        posteo.de
        mail.de
        """
}
