//! What is wrong with a value, as a code with parameters: the domain decides, the interface
//! says it in the user's language (the server's text catalogue), and the API says it in English
//! ([`Problem::english`], the `detail` of problem+json).

use std::fmt;

/// One rule a value broke. The parameters are what the message names (the value typed, a
/// limit, a series); the field is the [`crate::error::FieldError`]'s.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
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
    /// The placement page's pasted tables: a line's municipality the reference data lacks.
    UnknownMunicipalityOnLine {
        line: usize,
        number: String,
    },
    /// A line that is not `municipality;capacity` with a whole number.
    CapacityLine {
        line: usize,
    },
    /// A line that is not `household;size;municipality;score`.
    HouseholdLine {
        line: usize,
    },
    /// A scored municipality without a capacity line.
    NoCapacityOnLine {
        line: usize,
        number: String,
    },
    /// A household given two sizes.
    TwoSizes {
        line: usize,
        household: String,
    },
    /// A pin or exclusion line that is not `household;municipality`.
    PairLine {
        line: usize,
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
    // Agreements (SPEC §4).
    /// An agreement without units.
    NoUnits,
    /// A centre named by two units of one agreement.
    CentreTwice {
        first: usize,
    },
    /// A tier whose priority clashes with another tier of the same queue (R-AGR-4): `other` is
    /// the other tier's path, and `agreement` the other agreement's name and the tier's priority
    /// when the clash is with another agreement.
    TierClash {
        clash: crate::agreements::queue::QueueClash,
        other: String,
        agreement: Option<(String, i64)>,
    },
    /// A unit whose canteen differs from another agreement's for the same centre and days.
    CanteenClash {
        agreement: String,
        canteen: bool,
    },
    /// A month number outside 1–12.
    MonthNumber,
    /// A whole number of months outside 0–`max`.
    Months {
        max: i64,
    },
    /// A regulation's share of the CPI change, in percent, outside 0–`max`.
    PercentRange {
        max: i64,
    },
    /// A share in hundredths of a percent outside 0–100 %.
    Percentage,
    PaymentPeriod,
    /// R-AGR-6: the first regulation date before the calendar year after the start.
    EarliestFirstDate {
        earliest: String,
    },
    /// The base date on or after the first regulation date.
    BeforeFirstRegulation,
    /// An amount typed as something other than kroner (with øre).
    Amount,
    NoCentreWithId,
    /// A unit's centre that the agreement's operator does not run.
    NotOperatorsCentre,
    /// A stop given with notice that would end before the agreement starts.
    StopBeforeStart,
    // Occupancy and residents (SPEC §5).
    /// A day listed twice in a month's counts.
    ListedTwice {
        date: String,
    },
    /// A day outside the month being counted.
    DayOfMonth {
        month: String,
    },
    /// A pasted line's date outside the month.
    LineDayOfMonth {
        month: String,
    },
    /// A count that is not a whole number, 0 or more.
    Count,
    /// A pasted line's residents that are not a whole number, 0 or more.
    LineCount,
    /// A pasted line that is not `date;residents`.
    DateResidentsLine,
    DufNumber,
    Gender,
    /// A stay's end that is not after its start.
    AfterFrom,
    // Files and pasted tables.
    /// A line with the wrong number of columns: `layout` names them.
    ColumnCount {
        expected: usize,
        layout: String,
        found: usize,
    },
    /// A key repeated in a file, first on `first`.
    RepeatedInFile {
        key: String,
        first: usize,
    },
    /// A key repeated in a file, on the lines listed.
    RepeatedOnLines {
        key: String,
        lines: String,
    },
    /// A file without rows; `layout` shows one.
    NoRows {
        layout: String,
    },
    /// An empty file whose header should name `columns`.
    EmptyFile {
        columns: String,
    },
    UnknownColumn {
        name: String,
        columns: String,
    },
    ColumnTwice {
        name: String,
    },
    MissingColumns {
        names: String,
    },
    UnclosedQuote,
    /// A row with another number of fields than the header.
    FieldCount {
        fields: usize,
        header: usize,
    },
    TrueOrFalse {
        text: String,
    },
    UnknownRegion {
        text: String,
    },
    /// A 35xx centre without a region in an import (no county gives it one).
    SpecialCareNeedsRegion,
    CentreNumberInUse {
        number: String,
    },
    DroNumberInUse {
        dro: String,
    },
    /// A consumer price index that is not like 136.4.
    CpiIndexShape,
    /// A consumer price index above 100000 or 0.
    CpiIndexRange,
    /// A municipality line of the county import without its county.
    MunicipalityCountyLine,
    /// A settlement request for a municipality and year that already has one.
    RequestExists {
        municipality: String,
        year: i64,
    },
    /// A problem of one line of a pasted or uploaded file, shown where the file was given.
    OnLine {
        line: usize,
        problem: Box<Problem>,
    },
    /// A password shorter than the policy's minimum (R-AUTH-1).
    PasswordTooShort {
        min: usize,
    },
    /// A common password, or one close to a common password.
    PasswordTooCommon,
    /// A stay at a centre the caller may not register stays at, or that does not exist.
    NoCentreForStays,
    /// Approving a staff account before its e-learning is confirmed (R-AUTH-6).
    ElearningNeeded,
    // Other choices.
    /// A JSON member the request type does not have (SPEC §10: 400, not ignored).
    UnknownMember,
    LeftOrLeave,
    Channel,
    UnknownOperation,
    /// The change of operator without a new operator.
    ChooseNewOperator,
    /// A stored region that is not one of UDI's.
    StoredRegion,
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

    // Requests the API could not read (SPEC §10), and the placement solver's instance (R-SET-9).
    /// A value the request's parser could not read; `detail` is the parser's English sentence.
    Unreadable {
        detail: String,
    },
    /// A body sent as something other than JSON.
    NotJson,
    /// Bytes that are not UTF-8 text.
    NotUtf8,
    /// A value that is not one of the listed choices (a query parameter's).
    OneOf {
        options: String,
    },
    /// Letters where a number is needed.
    Number,
    /// A number that is infinite or not a number.
    FiniteNumber,
    /// Neither text nor a whole number (an identifier sent as JSON).
    TextOrWholeNumber,
    /// Zero or less where a positive number is needed.
    Positive,
    /// A date the working-day calendar does not reach.
    BeyondCalendar,
    /// A list of claims without a month or a centre to list by.
    MonthOrCentre,
    /// A pin or exclusion naming a household the request does not have.
    NoHousehold {
        id: String,
    },
    PinnedTwice {
        household: String,
    },
    /// A pin to a municipality the household has no score for.
    PinnedWithoutScore {
        household: String,
        municipality: String,
    },
    DuplicateMunicipality {
        number: String,
    },
    DuplicateHousehold {
        id: String,
    },
    /// A score for a municipality index past the instance's municipalities.
    UnknownMunicipalityIndex {
        index: usize,
    },
    /// Two scores for one municipality in one household.
    ScoreTwice,
    /// Past the solver's size limits (413).
    MaxMunicipalities {
        max: u64,
    },
    MaxHouseholds {
        max: u64,
    },
    MaxScores {
        max: u64,
    },
    MaxBytes {
        max: u64,
    },
    MaxPersons {
        max: u64,
    },
    MaxMilliseconds {
        max: u64,
    },

    // Conflicts with the stored state (409): what the request asks is refused by what is stored.
    /// Someone else changed the record since it was read (a stale version).
    Stale,
    /// A unique number taken meanwhile (a store constraint).
    NumberInUse,
    /// Another stored record it collides with, by the store's constraint name.
    ExistingRecord {
        constraint: String,
    },
    /// R-SET-1: the municipality's request (or decision) of the year exists already.
    YearlyExists {
        decision: bool,
    },
    /// R-SET-1a: an imported request's municipality and year was stored meanwhile.
    RequestStoredMeanwhile,
    /// R-SET-4: the offer is not accepted, so it cannot be decided.
    OfferNotAcceptedForDecision {
        status: String,
    },
    /// R-SET-4: the settlement decision is made already.
    AlreadyDecided,
    /// R-SET-4: the letters follow the decision.
    DecisionNotMade,
    /// R-SET-3: the household is in an open or accepted offer.
    HouseholdInOffer,
    /// R-SET-3: the household is larger than the room the decision has left.
    HouseholdTooLarge {
        persons: i64,
        room: i64,
    },
    /// An answer to an offer that is not open; its status code.
    OfferNotOpen {
        status: String,
    },
    OfferAnswered,
    /// Only an accepted offer is a case to export.
    ExportNeedsYes,
    /// R-SET-5: the resident has a settlement date.
    AlreadySettled,
    /// R-SET-5: no municipality has said yes to the resident.
    NoYes,
    /// R-SET-5: a settlement date before the municipality's yes.
    BeforeYes,
    /// R-SET-5: a settlement date on or before the open stay's start.
    NotAfterStayStart,
    /// R-SET-5: the settlement date ends a stay in an approved month.
    SettlementInApprovedMonth,
    /// The municipality and the centre's thread opens with the yes.
    ThreadOpensWithYes,
    /// The month's claim is made already.
    ClaimMade {
        month: String,
        claim: i64,
    },
    /// R-OCC-3: only approved months are claimed.
    MonthNotApproved {
        month: String,
    },
    /// R-CLM-6: the claim window closed on this ISO date.
    ClaimWindowClosed {
        closed: String,
    },
    /// The centre's stored agreements break a rule of the claim engine.
    AgreementsUnclaimable {
        problem: Box<Problem>,
    },
    /// A staff step that does not apply to the account's status.
    StaffStepNotApplicable {
        status: String,
    },
    /// R-OCC-3: a stay in an approved month, or one whose claim window closed.
    StayInApprovedMonth,
    /// R-OCC-1: the stay overlaps the resident's stay with this id.
    StayOverlaps {
        with: i64,
    },
    DufRegistered,
    /// R-OCC-3: the month is approved; only UDI may change it.
    MonthApproved,
    /// R-OCC-2: the month's occupancy is counted from residents' stays.
    CountedFromStays,
    /// R-AUTH-4: the change would leave the municipality without an administrator.
    LastMunicipalityAdmin {
        municipality: String,
    },
    /// R-AGR-9: the consumer price index of this month is missing.
    IndexMissing {
        month: String,
    },
    /// Regulations used the index of these months; an admin may confirm the replacement.
    IndexUsed {
        months: Vec<String>,
        may_confirm: bool,
    },
    /// R-AGR-4: notice on the date stops the agreement after its end.
    NoticeAfterEnd {
        stop: String,
        end: String,
    },
}

impl Problem {
    /// The API's English sentence (problem+json `detail`), as the API has always said it.
    pub fn english(&self) -> String {
        use Problem::*;
        match self {
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
            UnknownMunicipalityOnLine { line, number } => {
                format!("line {line}: unknown municipality {number}")
            }
            CapacityLine { line } => {
                format!("line {line}: \"municipality;capacity\" with a whole number")
            }
            HouseholdLine { line } => format!("line {line}: \"household;size;municipality;score\""),
            NoCapacityOnLine { line, number } => {
                format!("line {line}: the municipality {number} has no capacity above")
            }
            TwoSizes { line, household } => {
                format!("line {line}: household {household} has two sizes")
            }
            PairLine { line } => format!("line {line}: \"household;municipality\""),
            NotWaiting { key } => format!("the household {key} is not waiting"),
            NothingToPlace => "no household or no municipality to place".into(),
            NoApprovedDecision { number, year } => {
                format!("the municipality {number} has no approved decision for {year}")
            }
            NoUnits => "an agreement has at least one unit".into(),
            CentreTwice { first } => format!("units[{first}] already has this centre"),
            TierClash {
                clash,
                other,
                agreement,
            } => match agreement {
                Some((name, priority)) => {
                    clash.message(&format!("{other} of \"{name}\" (priority {priority})"))
                }
                None => clash.message(other),
            },
            CanteenClash { agreement, canteen } => format!(
                "\"{agreement}\" is valid on some of the same days with canteen {}",
                if *canteen { "off" } else { "on" }
            ),
            MonthNumber => "must be a month, 1–12".into(),
            Months { max } => format!("must be 0–{max} months"),
            PercentRange { max } => format!("must be 0–{max}"),
            Percentage => "a percentage from 0 to 100".into(),
            PaymentPeriod => "one of one_off, monthly, quarterly, yearly".into(),
            EarliestFirstDate { earliest } => {
                format!("at the earliest {earliest}, in the calendar year after the start")
            }
            BeforeFirstRegulation => "before the first regulation date".into(),
            Amount => "must be an amount in kroner, e.g. 1 234,56".into(),
            NoCentreWithId => "no centre with this id".into(),
            NotOperatorsCentre => "the operator does not run this centre".into(),
            StopBeforeStart => "the stop date would not be after valid_from".into(),
            ListedTwice { date } => format!("{date} is listed twice"),
            DayOfMonth { month } => format!("must be a day of {month}"),
            LineDayOfMonth { month } => format!("the date must be a day of {month}"),
            Count => "must be a whole number, 0 or more".into(),
            LineCount => "residents must be a whole number, 0 or more".into(),
            DateResidentsLine => "must be date;residents".into(),
            DufNumber => "must be exactly 12 digits".into(),
            Gender => "must be female, male or unknown".into(),
            AfterFrom => "must be after from".into(),
            ColumnCount {
                expected,
                layout,
                found,
            } => format!("expected {expected} columns, {layout}, found {found}"),
            RepeatedInFile { key, first } => {
                format!("{key} appears more than once in the file (first on line {first})")
            }
            RepeatedOnLines { key, lines } => {
                format!("{key} appears more than once in the file (lines {lines})")
            }
            NoRows { layout } => format!("the file has no rows ({layout})"),
            EmptyFile { columns } => {
                format!("the file is empty; its first row must name the columns: {columns}")
            }
            UnknownColumn { name, columns } => {
                format!("unknown column \"{name}\"; the columns are {columns}")
            }
            ColumnTwice { name } => format!("the column \"{name}\" appears twice"),
            MissingColumns { names } => format!("missing column(s): {names}"),
            UnclosedQuote => "a quoted field is not closed before the end of the file".into(),
            FieldCount { fields, header } => {
                format!("the row has {fields} fields, the header {header}")
            }
            TrueOrFalse { text } => {
                format!("\"{text}\" is not true or false (also yes/no, ja/nei, 1/0)")
            }
            UnknownRegion { text } => {
                format!("unknown region \"{text}\"; one of ØST, SØR, IØST, NORD, VEST, MIDT")
            }
            SpecialCareNeedsRegion => {
                "a 35xx centre needs its region, since no county gives it one (R-REG-1)".into()
            }
            CentreNumberInUse { number } => format!("centre number {number} is already in use"),
            DroNumberInUse { dro } => format!("{dro} is already in use"),
            CpiIndexShape => "an index like 136.4 (at most three decimals)".into(),
            CpiIndexRange => "an index above 0 and at most 100000".into(),
            MunicipalityCountyLine => "two columns: municipality;county".into(),
            RequestExists { municipality, year } => {
                format!("{municipality} already has a request for {year}")
            }
            OnLine { line, problem } => format!("line {line}: {}", problem.english()),
            PasswordTooShort { min } => format!("must be at least {min} characters"),
            PasswordTooCommon => {
                "is too easy to guess (a common password or close to one); choose another".into()
            }
            NoCentreForStays => "no centre you may register stays at".into(),
            ElearningNeeded => {
                "confirm that the employee has completed the e-learning before approving".into()
            }
            UnknownMember => "unknown member".into(),
            LeftOrLeave => "choose left or leave".into(),
            Channel => "one of note, imdi, centre".into(),
            UnknownOperation => "unknown operation".into(),
            ChooseNewOperator => "choose the new operator".into(),
            StoredRegion => "the centre's region is not one of UDI's".into(),
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
            Unreadable { detail } => detail.clone(),
            NotJson => "the request body must be sent as application/json".into(),
            NotUtf8 => "must be UTF-8 text".into(),
            OneOf { options } => format!("one of {options}"),
            Number => "must be a number".into(),
            FiniteNumber => "must be a finite number".into(),
            TextOrWholeNumber => "must be a string or a whole number".into(),
            Positive => "must be positive".into(),
            BeyondCalendar => "the result lies beyond the calendar".into(),
            MonthOrCentre => "give a month or a centre_id".into(),
            NoHousehold { id } => format!("unknown household {id}"),
            PinnedTwice { household } => format!("{household} is pinned twice"),
            PinnedWithoutScore {
                household,
                municipality,
            } => format!("{household} has no score for {municipality} (not allowed, or forbidden)"),
            DuplicateMunicipality { number } => format!("duplicate municipality {number}"),
            DuplicateHousehold { id } => format!("duplicate household {id}"),
            UnknownMunicipalityIndex { index } => format!("unknown municipality index {index}"),
            ScoreTwice => "more than one score for this municipality".into(),
            MaxMunicipalities { max } => format!("at most {max} municipalities"),
            MaxHouseholds { max } => format!("at most {max} households"),
            MaxScores { max } => format!("at most {max} scores in all"),
            MaxBytes { max } => format!("at most {max} bytes"),
            MaxPersons { max } => format!("at most {max} persons"),
            MaxMilliseconds { max } => format!("at most {max} ms"),
            Stale => "the record was changed by someone else since you read it; reload and try \
                      again"
                .into(),
            NumberInUse => "the number is already in use".into(),
            ExistingRecord { constraint } => {
                format!("conflicts with an existing record ({constraint})")
            }
            YearlyExists { decision } => format!(
                "the municipality already has a {} for this year",
                if *decision { "decision" } else { "request" }
            ),
            RequestStoredMeanwhile => {
                "a request of this municipality and year was stored meanwhile".into()
            }
            OfferNotAcceptedForDecision { status } => format!(
                "the offer is {status}; the settlement decision follows the municipality's yes"
            ),
            AlreadyDecided => "the settlement decision is already made".into(),
            DecisionNotMade => "the settlement decision is not made yet".into(),
            HouseholdInOffer => "the household is in an open or accepted offer".into(),
            HouseholdTooLarge { persons, room } => format!(
                "the household's {persons} persons exceed the {room} remaining of the decision"
            ),
            OfferNotOpen { status } => format!("the offer is {status}"),
            OfferAnswered => "the offer is already answered".into(),
            ExportNeedsYes => "only an offer the municipality accepted is a case to export".into(),
            AlreadySettled => "the resident is already settled".into(),
            NoYes => "no municipality has said yes to the resident".into(),
            BeforeYes => "the date is before the municipality's yes".into(),
            NotAfterStayStart => "the date is not after the start of the resident's stay".into(),
            SettlementInApprovedMonth => {
                "the date changes an approved month; only UDI may change it".into()
            }
            ThreadOpensWithYes => {
                "the municipality and the centre's thread opens with the yes".into()
            }
            ClaimMade { month, claim } => {
                format!("the centre's claim for {month} was made already (claim {claim})")
            }
            MonthNotApproved { month } => {
                format!("the occupancy of {month} is not approved yet (R-OCC-3)")
            }
            ClaimWindowClosed { closed } => format!(
                "the claim window closed on {closed} (three months after the centre's last \
                 agreement ended, R-CLM-6)"
            ),
            AgreementsUnclaimable { problem } => format!(
                "the centre's stored agreements cannot be claimed: {}",
                problem.english()
            ),
            StaffStepNotApplicable { status } => {
                format!("the staff account is {status}; that step does not apply")
            }
            StayInApprovedMonth => "the stay changes an approved month or one whose claim \
                                    window has closed; only UDI may change it"
                .into(),
            StayOverlaps { with } => format!("the stay overlaps the resident's stay {with}"),
            DufRegistered => "a resident with this DUF number is already registered".into(),
            MonthApproved => "the month is approved; only UDI may change it (R-OCC-3)".into(),
            CountedFromStays => "the centre has residents' stays in this month; its occupancy is \
                                 counted from them (R-OCC-2)"
                .into(),
            LastMunicipalityAdmin { municipality } => format!(
                "municipality {municipality} would have no enabled municipality_admin left \
                 (R-AUTH-4); give another account that role first"
            ),
            IndexMissing { month } => {
                format!("the consumer price index of {month} is missing; nothing was regulated")
            }
            IndexUsed {
                months,
                may_confirm,
            } => format!(
                "regulations have used the index of {}: {}",
                months.join(", "),
                if *may_confirm {
                    "add ?confirm=true to replace them"
                } else {
                    "only an admin may replace them"
                }
            ),
            NoticeAfterEnd { stop, end } => {
                format!("notice on this date stops the agreement on {stop}, after its end {end}")
            }
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.english())
    }
}
