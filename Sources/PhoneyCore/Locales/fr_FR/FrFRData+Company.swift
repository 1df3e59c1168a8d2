extension FrFRData {
    /// Legal forms of French companies.
    static let companySuffixes: StaticString = """
        SA
        SARL
        SAS
        SASU
        EURL
        SNC
        SCI
        """

    /// Company name formats, weighted.
    static let companyFormats: StaticString = """
        {last} {suffix}\t8
        {suffix} {last}\t2
        {last} et {last}\t2
        {last} et Fils\t1
        {last} & {last} {suffix}\t1
        {last}-{last} {suffix}\t1
        Groupe {last}\t1
        Établissements {last}\t1
        """

    /// Job titles in French.
    static let jobs: StaticString = """
        Agent immobilier
        Agriculteur
        Aide-soignant
        Architecte
        Assistant de direction
        Assistant social
        Auxiliaire de puériculture
        Avocat
        Bibliothécaire
        Boucher
        Boulanger
        Caissier
        Carreleur
        Chargé de clientèle
        Charcutier
        Chauffeur de taxi
        Chef de chantier
        Chef de projet
        Chirurgien
        Coiffeur
        Comptable
        Conducteur de bus
        Conducteur de travaux
        Conseiller bancaire
        Consultant
        Contrôleur aérien
        Contrôleur de gestion
        Couvreur
        Cuisinier
        Dentiste
        Développeur web
        Directeur commercial
        Directeur financier
        Douanier
        Éducateur spécialisé
        Électricien
        Enseignant
        Esthéticien
        Expert-comptable
        Facteur
        Fleuriste
        Gendarme
        Géomètre
        Graphiste
        Guide touristique
        Huissier de justice
        Infirmier
        Ingénieur
        Jardinier
        Journaliste
        Juriste
        Kinésithérapeute
        Libraire
        Maçon
        Magistrat
        Mécanicien
        Médecin généraliste
        Menuisier
        Notaire
        Opticien
        Orthophoniste
        Ostéopathe
        Pâtissier
        Paysagiste
        Peintre en bâtiment
        Pharmacien
        Photographe
        Pilote de ligne
        Plombier
        Policier
        Pompier
        Professeur des écoles
        Psychologue
        Responsable des ressources humaines
        Sage-femme
        Secrétaire
        Serveur
        Technicien de maintenance
        Traducteur
        Urbaniste
        Vendeur
        Vétérinaire
        Administrateur systèmes
        Agent de sécurité
        """
}
