//! What is wrong with a value, as a code with parameters: the domain decides, the interface
//! says it in the user's language (the server's text catalogue), and the API says it in English
//! ([`Problem::english`], the `detail` of problem+json).

use std::fmt;

/// One rule a value broke. The parameters are what the message names (the value typed, a
/// limit, a series); the field is the [`crate::error::FieldError`]'s.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// A free-text message from code not yet converted to codes (shown as it is).
    Text(String),
    /// A required value is empty.
    Required,
    /// A text longer than the field allows.
    TooLong {
        max: usize,
    },
    CentreNameMissing,
    OperatorNameMissing,
    ChooseOperator,
    NoOperatorWithId,
    /// An operator user's DRO number that no operator has.
    NoOperatorWithDro {
        dro: String,
    },
    NotInSeries {
        number: String,
        series: String,
    },
    UnknownPlaceType {
        code: String,
        codes: String,
    },
    UnknownCategory {
        code: String,
    },
    NotEmail {
        email: String,
    },
    InternalMailbox,
    Series35OnlySpecialCare,
    SpecialCareSeries35 {
        series: String,
    },
    SeriesWithoutCounty {
        series: String,
    },
    NotASeries,
    SeriesDigits {
        text: String,
    },
    SeriesFull {
        series: String,
    },
    CentreNumberDigits {
        text: String,
    },
    CentreNumberZero {
        text: String,
    },
    DroFormat {
        text: String,
    },
    DroLeadingZeros {
        text: String,
    },
    OrganisationNumberDigits {
        text: String,
    },
    OrganisationNumberCheck {
        digits: String,
    },
    BankAccountDigits {
        text: String,
    },
    BankAccountCheck {
        digits: String,
    },
    PostalCodeDigits {
        text: String,
    },
    MunicipalityDigits {
        text: String,
    },
    MunicipalityFourDigits,
    PostalCodeUnknown,
    MunicipalityUnknown,
    /// An account's municipality that the reference data does not have.
    NoMunicipalityWithNumber,
    /// A user the caller may not create (another municipality, a role above their own).
    NotYours,
    Region,
    RegionNeeded,
    OperatorDroNeeded,
    MunicipalityNeeded,
    Username,
    UnknownRole,
    UsernameTaken,
    /// Letters or too few digits in a phone number.
    Phone {
        text: String,
    },
    IpAddress {
        text: String,
    },
    // The claim simulation (its request, SPEC §7).
    Month,
    Date,
    ClaimPlaceType,
    PlaceTypeTaken {
        first: usize,
    },
    TooManyAgreements {
        max: usize,
    },
    MealTiersNeedCanteen,
    AgreementKind,
    TierKind,
    AfterValidFrom,
    Negative,
    AtLeastOne,
    AtMost {
        max: i64,
    },
    PriorityUsed {
        by: String,
    },
    UnboundedNotLast,
    OutsideMonth {
        month: String,
    },
    NoUnitWithPlaceType,
    SecondEntry,
    // Plans (SPEC §6).
    UnknownTemplate {
        code: String,
        codes: String,
    },
    /// A revised template names another template's key.
    TemplateKeyChanged,
    /// A revised template without items.
    NoTemplateItems,
    /// Two items of a revised template share a key.
    DuplicateItem {
        key: String,
    },
    /// An item waits for (or is dated from) an item the template does not have.
    UnknownItem {
        key: String,
    },
    /// A new item (not in the built-in template) needs its title in both languages.
    UntitledItem {
        key: String,
    },
    /// A work list's filter names no team or role that plans route work to.
    UnknownTeam {
        code: String,
        codes: String,
    },
    AwardedAfterSigned,
    SignedNotBeforeEnd,
    EndNotAfterOperationStart,
    Between {
        min: i64,
        max: i64,
    },
    AgreementNotOfCentre,
    /// Settlement (SPEC §7): an end that is not after the signing day.
    EndsAfterSigned,
    /// A year outside the years mottak plans for.
    Year,
    /// A no to an offer without its reason (R-SET-3).
    ReasonForNo,
    /// An answer other than yes or no.
    YesOrNo,
    /// A day before today.
    NotInThePast,
    /// A household key that no resident has.
    UnknownHousehold,
    /// A count typed as something other than a whole number.
    WholeNumber,
    // The activity log (R-PLN-3).
    /// A day after today, where only what has happened is recorded.
    InTheFuture,
    UnknownLogKind {
        code: String,
        codes: String,
    },
    /// A plan task that is not one of the centre's plans' tasks.
    NoSuchTask,
    // Placement (R-SET-9).
    /// A score line that is not `household;municipality;score` with a number.
    ScoreLine {
        line: usize,
    },
    /// A list line that is not `key;value,value`.
    ListLine {
        line: usize,
    },
    /// A municipality number that is not in the reference data (or has no decision to place in).
    UnknownMunicipalityNumber {
        number: String,
    },
    /// A household key that is not among the waiting households.
    NotWaiting {
        key: String,
    },
    /// No household or no municipality to place: nothing to propose.
    NothingToPlace,
    /// A municipality without an approved decision for the year: no room to place in.
    NoApprovedDecision {
        number: String,
        year: i64,
    },
    /// Lifecycle (R-REG-2): reopening an open centre.
    AlreadyOpen,
    /// Closing a closed centre.
    AlreadyClosed,
    /// A change that gives a new number, on a closed centre.
    ClosedReopenFirst,
    /// A rename or change of operator without a new name.
    NewNameEmpty,
    /// A rename to the name it has.
    SameName,
    /// A change of operator that keeps the name.
    OperatorChangeKeepsName,
    /// A change to the place type the centre has.
    AlreadyPlaceType {
        place_type: String,
    },
    /// Adding the place type this number has.
    NumberHasPlaceType {
        place_type: String,
    },
    /// A change to the category the centre has.
    AlreadyCategory {
        category: String,
    },
    /// A series given to an operation that keeps the number.
    KeepsNumberNoSeries {
        operation: String,
    },
    /// Becoming special care with another series than 35.
    SpecialCareUsesSeries35,
    /// Leaving special care without the county's series.
    LeavingSpecialCareNeedsSeries,
    /// A series given where the new number stays in the old one.
    SeriesStays {
        series: String,
    },
    /// R-REG-2: a linked number already has this place type.
    LinkedNumberHasPlaceType {
        number: String,
        place_type: String,
    },
}

impl Problem {
    /// The API's English sentence (problem+json `detail`), as the API has always said it.
    pub fn english(&self) -> String {
        use Problem::*;
        match self {
            Text(text) => text.clone(),
            Required => "is required".into(),
            TooLong { max } => format!("at most {max} characters"),
            CentreNameMissing => "the centre needs a name".into(),
            OperatorNameMissing => "the operator needs a name".into(),
            ChooseOperator => "choose the operator".into(),
            NoOperatorWithId => "no operator has this id".into(),
            NoOperatorWithDro { dro } => format!("no operator has the DRO number {dro}"),
            NotInSeries { number, series } => format!("{number} is not in series {series}"),
            UnknownPlaceType { code, codes } => {
                format!("unknown place type \"{code}\"; one of {codes}")
            }
            UnknownCategory { code } => format!(
                "unknown category \"{code}\"; one of ordinary, unaccompanied_minors, transit, \
                 emergency, special_care"
            ),
            NotEmail { email } => format!("\"{email}\" is not an e-mail address"),
            InternalMailbox => {
                "the centre's e-mail must not be its internal Asylmottak.no mailbox (R-REG-7)"
                    .into()
            }
            Series35OnlySpecialCare => {
                "series 35 is only for special care institutions (bo- og omsorgsløsninger)".into()
            }
            SpecialCareSeries35 { series } => {
                format!("special care institutions use series 35, not {series}")
            }
            SeriesWithoutCounty { series } => {
                format!("series {series} has no county: name the responsible region")
            }
            NotASeries => "not a number series of §2".into(),
            SeriesDigits { text } => {
                format!("the series must be two digits from 01 to 99, not \"{text}\"")
            }
            SeriesFull { series } => format!(
                "series {series} is full: all 99 numbers have been used, and numbers are never \
                 reused (R-REG-1)"
            ),
            CentreNumberDigits { text } => {
                format!("a centre number has four digits, not \"{text}\"")
            }
            CentreNumberZero { text } => {
                format!("{text} is not a centre number: series and running number start at 01")
            }
            DroFormat { text } => {
                format!("a DRO number is \"DRO\" followed by digits, like DRO1000, not \"{text}\"")
            }
            DroLeadingZeros { text } => format!("a DRO number has no leading zeros: \"{text}\""),
            OrganisationNumberDigits { text } => {
                format!("an organisation number has nine digits, not \"{text}\"")
            }
            OrganisationNumberCheck { digits } => {
                format!("{digits} is not a valid organisation number: wrong check digit")
            }
            BankAccountDigits { text } => {
                format!("a bank account number has eleven digits, not \"{text}\"")
            }
            BankAccountCheck { digits } => {
                format!("{digits} is not a valid bank account number: wrong check digit")
            }
            PostalCodeDigits { text } => format!("a postal code has four digits, not \"{text}\""),
            MunicipalityDigits { text } => {
                format!("a municipality number has four digits, not \"{text}\"")
            }
            MunicipalityFourDigits => "four digits, e.g. 0301".into(),
            PostalCodeUnknown => "not in the postal-code list".into(),
            MunicipalityUnknown => "not in the municipality list".into(),
            NoMunicipalityWithNumber => "no municipality has this number".into(),
            NotYours => "you may not create this user".into(),
            Region => "one of ØST, SØR, IØST, NORD, VEST, MIDT".into(),
            RegionNeeded => "a regional unit needs its region".into(),
            OperatorDroNeeded => "an operator user needs a DRO number".into(),
            MunicipalityNeeded => "a municipal user needs a municipality number".into(),
            Username => "3–64 characters: lower-case letters, digits, '.', '_' or '-', starting \
                         with a letter"
                .into(),
            UnknownRole => "unknown role".into(),
            UsernameTaken => "the username is taken".into(),
            Phone { text } => {
                format!("\"{text}\" is not a phone number: digits, spaces and +, at least 8 digits")
            }
            IpAddress { text } => format!("\"{text}\" is not an IPv4 or IPv6 address"),
            Month => "must be an existing month, YYYY-MM".into(),
            Date => "must be an existing date, YYYY-MM-DD".into(),
            ClaimPlaceType => "unknown place type".into(),
            PlaceTypeTaken { first } => format!("units[{first}] already has this place type"),
            TooManyAgreements { max } => format!("at most {max} agreements per unit"),
            MealTiersNeedCanteen => "meal tiers need a unit with a canteen".into(),
            AgreementKind => "unknown agreement kind (H, T or A)".into(),
            TierKind => "unknown tier kind (unit_price, standby or converted)".into(),
            AfterValidFrom => "must be after valid_from (it is exclusive)".into(),
            Negative => "must not be negative".into(),
            AtLeastOne => "must be at least 1".into(),
            AtMost { max } => format!("must be at most {max}"),
            PriorityUsed { by } => format!("priority already used by {by}"),
            UnboundedNotLast => {
                "0 (unbounded) is only allowed on the last tier of the queue by priority".into()
            }
            OutsideMonth { month } => format!("is outside the month {month}"),
            NoUnitWithPlaceType => "no unit has this place type".into(),
            SecondEntry => "a second entry for this date and place type".into(),
            UnknownTemplate { code, codes } => {
                format!("unknown template \"{code}\"; one of {codes}")
            }
            TemplateKeyChanged => "must be the key of the template being revised".into(),
            NoTemplateItems => "a template needs at least one item".into(),
            DuplicateItem { key } => format!("the item key \"{key}\" is used twice"),
            UnknownItem { key } => {
                format!("names the item \"{key}\", which the template does not have")
            }
            UntitledItem { key } => {
                format!("the new item \"{key}\" needs a title in bokmål and English (nb, en)")
            }
            UnknownTeam { code, codes } => {
                format!("unknown team or role \"{code}\"; one of {codes}")
            }
            AwardedAfterSigned => "must not be after signed (the award is the earlier date)".into(),
            SignedNotBeforeEnd => "must be before end".into(),
            EndNotAfterOperationStart => {
                "must be after operation_start (the end is exclusive)".into()
            }
            Between { min, max } => format!("must be from {min} to {max}"),
            AgreementNotOfCentre => "no agreement of this centre has this id".into(),
            EndsAfterSigned => "must be after signed_on (it is exclusive)".into(),
            Year => "must be a year from 2000 to 2100".into(),
            ReasonForNo => "a no needs a reason".into(),
            YesOrNo => "must be yes or no".into(),
            NotInThePast => "must not be in the past".into(),
            UnknownHousehold => "no resident has this household key".into(),
            WholeNumber => "must be a whole number".into(),
            InTheFuture => "must not be after today".into(),
            UnknownLogKind { code, codes } => format!("unknown kind \"{code}\"; one of {codes}"),
            NoSuchTask => "no task of this centre's plans has this plan and position".into(),
            ScoreLine { line } => {
                format!("line {line}: household;municipality;score with a number")
            }
            ListLine { line } => format!("line {line}: key;value,value"),
            UnknownMunicipalityNumber { number } => format!("unknown municipality {number}"),
            NotWaiting { key } => format!("the household {key} is not waiting"),
            NothingToPlace => "no household or no municipality to place".into(),
            NoApprovedDecision { number, year } => {
                format!("the municipality {number} has no approved decision for {year}")
            }
            AlreadyOpen => "the centre is already open".into(),
            AlreadyClosed => "the centre is already closed".into(),
            ClosedReopenFirst => "the centre is closed; reopen it before changing it".into(),
            NewNameEmpty => "the new name must not be empty".into(),
            SameName => "the new name is the same as the current one".into(),
            OperatorChangeKeepsName => "a change of operator changes the name too, so the two \
                                        appear as two centres (R-REG-2)"
                .into(),
            AlreadyPlaceType { place_type } => {
                format!("the centre already has place type {place_type}")
            }
            NumberHasPlaceType { place_type } => format!(
                "this centre number already has place type {place_type}; a new place type gets \
                 its own number"
            ),
            AlreadyCategory { category } => format!("the centre is already {category}"),
            KeepsNumberNoSeries { operation } => {
                format!("{operation} keeps the centre's number, so it takes no series")
            }
            SpecialCareUsesSeries35 => "special care institutions use series 35".into(),
            LeavingSpecialCareNeedsSeries => {
                "leaving special care: give the series of the centre's county".into()
            }
            SeriesStays { series } => format!(
                "the new number stays in series {series}; a series is given only when a change \
                 of category leaves special care (series 35)"
            ),
            LinkedNumberHasPlaceType { number, place_type } => format!(
                "centre number {number}, linked with this one, already has place type \
                 {place_type}; one number per place type (R-REG-2)"
            ),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.english())
    }
}
