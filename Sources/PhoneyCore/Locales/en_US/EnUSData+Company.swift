extension EnUSData {
    /// Company name suffixes.
    static let companySuffixes: StaticString = """
        Inc
        LLC
        Ltd
        Group
        PLC
        and Sons
        Corp
        """

    /// Job titles.
    static let jobs: StaticString = """
        Accountant
        Accountant, chartered
        Accountant, management
        Accounts payable clerk
        Actor
        Actuary
        Acupuncturist
        Administrative assistant
        Advertising account executive
        Aerospace engineer
        Agricultural engineer
        Agricultural inspector
        Air traffic controller
        Aircraft mechanic
        Airline pilot
        Ambulance driver
        Anesthesiologist
        Animal trainer
        Animator
        Anthropologist
        Appraiser, real estate
        Arborist
        Archaeologist
        Architect
        Architect, landscape
        Archivist
        Art director
        Art teacher
        Art therapist
        Artist, visual
        Astronomer
        Athletic trainer
        Attorney
        Attorney, corporate
        Attorney, immigration
        Auditor, internal
        Auto body technician
        Automotive mechanic
        Baker
        Bank teller
        Barber
        Barista
        Bartender
        Bicycle mechanic
        Biochemist
        Biologist, marine
        Biomedical engineer
        Biostatistician
        Boilermaker
        Bookkeeper
        Bookseller
        Bricklayer
        Broadcast technician
        Budget analyst
        Building inspector
        Bus driver
        Business analyst
        Butcher
        Buyer, retail
        Cabinetmaker
        Camera operator
        Carpenter
        Cartographer
        Cashier
        Caterer
        Chef
        Chef, pastry
        Chemical engineer
        Chemist, analytical
        Chief executive officer
        Chief financial officer
        Chief operating officer
        Chief technology officer
        Child care worker
        Chiropractor
        Choreographer
        Civil engineer
        Claims adjuster
        Clinical psychologist
        Clinical research associate
        Coach, sports
        Commercial diver
        Communications manager
        Community organizer
        Compliance officer
        Composer
        Computer hardware engineer
        Computer systems analyst
        Concierge
        Conservator, museum
        Construction manager
        Content strategist
        Copy editor
        Copywriter
        Correctional officer
        Cosmetologist
        Cost estimator
        Counselor, school
        Counselor, substance abuse
        Court reporter
        Crane operator
        Credit analyst
        Curator, museum
        Customer service representative
        Customs officer
        Cybersecurity analyst
        Dancer
        Data analyst
        Data engineer
        Data scientist
        Database administrator
        Dental assistant
        Dental hygienist
        Dentist
        Dermatologist
        Designer, fashion
        Designer, graphic
        Designer, industrial
        Designer, interior
        Designer, user experience
        Detective
        Developer, front-end
        Developer, mobile
        Developer, web
        Diagnostic medical sonographer
        Dietitian
        Dispatcher, emergency
        DevOps engineer
        Drafter
        Economist
        Editor, magazine
        Editor, film
        Electrical engineer
        Electrician
        Electronics technician
        Elementary school teacher
        Elevator installer
        Emergency medical technician
        Energy engineer
        Engineer, petroleum
        Engineer, mining
        Engineer, materials
        Engineer, structural
        Environmental scientist
        Epidemiologist
        Equipment operator
        Event planner
        Executive assistant
        Exhibition designer
        Facilities manager
        Farm manager
        Farmer
        Fashion buyer
        Field service technician
        Film director
        Financial adviser
        Financial analyst
        Financial controller
        Fire inspector
        Firefighter
        Fish and game warden
        Fitness instructor
        Flight attendant
        Florist
        Food scientist
        Forensic scientist
        Forester
        Fundraiser
        Funeral director
        Furniture designer
        Game designer
        Gardener
        Geneticist
        Geographer
        Geologist
        Glazier
        Grant writer
        Groundskeeper
        Hairdresser
        Health and safety inspector
        Health educator
        Heating and air conditioning technician
        High school teacher
        Historian
        Home health aide
        Horticulturist
        Hospital administrator
        Hotel manager
        Housekeeper
        Human resources manager
        Human resources specialist
        Hydrologist
        Illustrator
        Immigration officer
        Industrial engineer
        Information security manager
        Insurance agent
        Insurance underwriter
        Interpreter
        Investment banker
        IT support specialist
        Janitor
        Jeweler
        Journalist
        Journalist, broadcast
        Judge
        Kindergarten teacher
        Laboratory technician
        Land surveyor
        Landscaper
        Lawyer
        Legal secretary
        Librarian
        Librarian, academic
        Lifeguard
        Lighting technician
        Loan officer
        Locksmith
        Logistics manager
        Machine learning engineer
        Machinist
        Magazine features writer
        Maintenance worker
        Make-up artist
        Management consultant
        Manufacturing engineer
        Marketing coordinator
        Marketing manager
        Marriage and family therapist
        Massage therapist
        Mathematician
        Mechanical engineer
        Media buyer
        Medical assistant
        Medical illustrator
        Medical laboratory scientist
        Medical physicist
        Medical records technician
        Meteorologist
        Microbiologist
        Middle school teacher
        Midwife
        Military officer
        Millwright
        Mortgage broker
        Museum educator
        Music teacher
        Music therapist
        Musician
        Nanny
        Network administrator
        Network engineer
        Neurologist
        Neurosurgeon
        News anchor
        Nuclear engineer
        Nurse, adult
        Nurse, children's
        Nurse, mental health
        Nurse practitioner
        Nurse, registered
        Nursing assistant
        Nutritionist
        Obstetrician
        Occupational therapist
        Office manager
        Oncologist
        Operations manager
        Optician
        Optometrist
        Orthodontist
        Painter and decorator
        Paralegal
        Paramedic
        Park ranger
        Pathologist
        Patent examiner
        Payroll clerk
        Pediatrician
        Personal trainer
        Pest control technician
        Pharmacist
        Pharmacist, hospital
        Pharmacologist
        Photographer
        Photojournalist
        Physical therapist
        Physician assistant
        Physician, general practice
        Physicist
        Piano tuner
        Pilot, helicopter
        Plumber
        Podiatrist
        Police officer
        Political scientist
        Postal worker
        Private investigator
        Probation officer
        Producer, radio
        Producer, television
        Product manager
        Production assistant
        Professor
        Program manager
        Project manager
        Proofreader
        Property manager
        Psychiatrist
        Psychologist, counseling
        Psychologist, educational
        Public relations specialist
        Purchasing manager
        Quality assurance analyst
        Quantity surveyor
        Radiation therapist
        Radio presenter
        Radiographer
        Radiologist
        Real estate agent
        Receptionist
        Recreation worker
        Recruiter
        Registrar
        Rehabilitation counselor
        Research scientist
        Respiratory therapist
        Restaurant manager
        Retail manager
        Risk analyst
        Roofer
        Sales engineer
        Sales representative
        Sales manager
        School principal
        Scientist, clinical
        Sculptor
        Secretary
        Security guard
        Security engineer
        Set designer
        Sheet metal worker
        Ship captain
        Site reliability engineer
        Social media manager
        Social worker
        Sociologist
        Software architect
        Software engineer
        Software tester
        Solar panel installer
        Sound engineer
        Special education teacher
        Speech-language pathologist
        Statistician
        Stockbroker
        Structural ironworker
        Surgeon
        Surgeon, cardiothoracic
        Surgeon, orthopedic
        Surveyor, hydrographic
        Sustainability consultant
        Systems administrator
        Systems engineer
        Tailor
        Tax adviser
        Taxi driver
        Teacher, adult education
        Teacher, English as a second language
        Teaching assistant
        Technical writer
        Telecommunications engineer
        Television camera operator
        Theatre director
        Therapist, drama
        Tour guide
        Town planner
        Toxicologist
        Trader, commodities
        Training and development manager
        Translator
        Travel agent
        Tree surgeon
        Truck driver
        Tutor
        Urban planner
        Veterinarian
        Veterinary technician
        Video editor
        Waiter
        Warehouse manager
        Water engineer
        Web designer
        Welder
        Wildlife biologist
        Wind turbine technician
        Writer
        Youth worker
        Zookeeper
        Zoologist
        """

    /// Catch phrase first words: capitalized adjectives.
    static let catchPhraseAdjectives: StaticString = """
        Adaptive
        Advanced
        Agile
        Aligned
        Ameliorated
        Assimilated
        Augmented
        Automated
        Balanced
        Boosted
        Centralized
        Certified
        Cloned
        Cloud-native
        Cohesive
        Compatible
        Configurable
        Consolidated
        Converged
        Cross-platform
        Customizable
        Decentralized
        Dedicated
        Digitized
        Distributed
        Diverse
        Down-sized
        Elastic
        Enhanced
        Enterprise-wide
        Ergonomic
        Exclusive
        Expanded
        Extended
        Face-to-face
        Focused
        Front-line
        Fully-configurable
        Fundamental
        Future-proofed
        Harmonized
        Horizontal
        Hybrid
        Immersive
        Implemented
        Innovative
        Integrated
        Intuitive
        Inverse
        Managed
        Modular
        Monitored
        Multi-channel
        Multi-layered
        Networked
        Open-source
        Operative
        Optimized
        Optional
        Organic
        Organized
        Persevering
        Persistent
        Phased
        Polarized
        Pre-emptive
        Proactive
        Profit-focused
        Programmable
        Progressive
        Quality-focused
        Re-engineered
        Reactive
        Realigned
        Reduced
        Resilient
        Reverse-engineered
        Robust
        Scalable
        Seamless
        Secured
        Self-enabling
        Sharable
        Smart
        Stand-alone
        Streamlined
        Synchronized
        Synergized
        Team-oriented
        Total
        Triple-buffered
        Universal
        Unified
        Upgradable
        User-centric
        Versatile
        Virtual
        Visionary
        """

    /// Catch phrase middle words: lower-case descriptors.
    static let catchPhraseDescriptors: StaticString = """
        24/7
        24 hour
        4th generation
        5th generation
        6th generation
        actuating
        analyzing
        asymmetric
        asynchronous
        attitude-oriented
        autonomous
        background
        bandwidth-monitored
        bi-directional
        bifurcated
        bottom-line
        clear-thinking
        client-driven
        client-server
        coherent
        cohesive
        composite
        context-sensitive
        contextually-based
        content-based
        data-driven
        dedicated
        demand-driven
        didactic
        directional
        discrete
        disintermediate
        dynamic
        eco-centric
        empowering
        encompassing
        event-driven
        explicit
        exuding
        fault-tolerant
        fresh-thinking
        full-range
        global
        grid-enabled
        heuristic
        high-level
        holistic
        homogeneous
        human-resource
        hybrid
        impactful
        incremental
        intangible
        interactive
        intermediate
        leading-edge
        local
        logistical
        low-latency
        maximized
        methodical
        mission-critical
        mobile
        modular
        motivating
        multi-state
        multi-tasking
        national
        needs-based
        next generation
        non-volatile
        object-oriented
        optimal
        optimizing
        radical
        real-time
        reciprocal
        regional
        responsive
        scalable
        secondary
        serverless
        solution-oriented
        stable
        static
        system-worthy
        systematic
        systemic
        tangible
        tertiary
        transitional
        uniform
        upward-trending
        user-facing
        value-added
        web-enabled
        well-modulated
        zero-defect
        zero-trust
        """

    /// Catch phrase last words: lower-case nouns.
    static let catchPhraseNouns: StaticString = """
        ability
        access
        adapter
        algorithm
        alliance
        analyzer
        application
        approach
        architecture
        archive
        array
        artificial intelligence
        attitude
        benchmark
        blockchain
        budgetary management
        capability
        capacity
        challenge
        circuit
        collaboration
        complexity
        concept
        conglomeration
        contingency
        core
        customer loyalty
        data-warehouse
        database
        definition
        emulation
        encoding
        encryption
        extranet
        firmware
        flexibility
        focus group
        forecast
        frame
        framework
        function
        functionalities
        groupware
        hardware
        help-desk
        hierarchy
        hub
        implementation
        info-mediaries
        infrastructure
        initiative
        installation
        instruction set
        interface
        internet solution
        intranet
        knowledge user
        knowledgebase
        leverage
        local area network
        matrices
        matrix
        methodology
        microservice
        middleware
        migration
        model
        moderator
        monitoring
        moratorium
        neural-net
        open architecture
        orchestration
        paradigm
        parallelism
        pipeline
        platform
        policy
        portal
        pricing structure
        process improvement
        product
        productivity
        project
        projection
        protocol
        secured line
        service-desk
        software
        solution
        standardization
        strategy
        structure
        success
        superstructure
        support
        synergy
        system engine
        task-force
        throughput
        time-frame
        toolset
        utilisation
        website
        workforce
        """

    /// Business-speak verbs.
    static let bsVerbs: StaticString = """
        aggregate
        architect
        benchmark
        brand
        build
        cultivate
        customize
        deliver
        deploy
        digitize
        disintermediate
        drive
        e-enable
        embrace
        empower
        enable
        engage
        engineer
        enhance
        envisioneer
        evolve
        expedite
        exploit
        extend
        facilitate
        generate
        grow
        harness
        implement
        incentivize
        incubate
        innovate
        integrate
        iterate
        leverage
        matrix
        maximize
        mesh
        monetize
        morph
        optimize
        orchestrate
        productize
        re-imagine
        recontextualize
        redefine
        reinvent
        repurpose
        revolutionize
        scale
        seize
        streamline
        strategize
        supercharge
        syndicate
        synergize
        synthesize
        target
        transform
        transition
        unleash
        utilize
        visualize
        whiteboard
        """

    /// Business-speak adjectives.
    static let bsAdjectives: StaticString = """
        24/365
        24/7
        B2B
        B2C
        AI-powered
        back-end
        best-of-breed
        bleeding-edge
        bricks-and-clicks
        clicks-and-mortar
        cloud-based
        collaborative
        compelling
        cross-media
        cross-platform
        customized
        cutting-edge
        data-driven
        distributed
        dot-com
        dynamic
        e-business
        efficient
        end-to-end
        enterprise
        extensible
        frictionless
        front-end
        global
        granular
        holistic
        impactful
        innovative
        integrated
        interactive
        intuitive
        killer
        leading-edge
        magnetic
        mission-critical
        next-generation
        one-to-one
        open-source
        out-of-the-box
        plug-and-play
        proactive
        real-time
        revolutionary
        rich
        robust
        scalable
        seamless
        sticky
        strategic
        synergistic
        transparent
        turn-key
        ubiquitous
        user-centric
        value-added
        vertical
        viral
        virtual
        visionary
        web-enabled
        wireless
        world-class
        """

    /// Business-speak nouns.
    static let bsNouns: StaticString = """
        action-items
        applications
        architectures
        bandwidth
        channels
        communities
        content
        convergence
        deliverables
        e-business
        e-commerce
        e-markets
        e-services
        e-tailers
        experiences
        eyeballs
        functionalities
        infomediaries
        infrastructures
        initiatives
        interfaces
        markets
        methodologies
        metrics
        mindshare
        models
        networks
        niches
        paradigms
        partnerships
        platforms
        portals
        relationships
        ROI
        schemas
        solutions
        supply-chains
        synergies
        systems
        technologies
        users
        verticals
        web-readiness
        workflows
        ecosystems
        insights
        journeys
        pipelines
        touchpoints
        value propositions
        use cases
        learnings
        stakeholders
        outcomes
        roadmaps
        efficiencies
        """
}
