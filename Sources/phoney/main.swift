import PhoneyCore
