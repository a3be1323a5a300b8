//! The field errors' texts: each [`Problem`] in bokmål and English, in plain words, with no rule
//! numbers or field paths (the form shows the field's label beside it). The API's English
//! sentence is [`Problem::english`]; this catalogue is the interface's.

use mottak_domain::agreements::QueueClash;
use mottak_domain::error::{FieldError, Problem};

use super::Lang;
use crate::number_format::grouped;

/// A place type's label from the catalogue, in lower case.
fn place_label(code: &str, lang: Lang) -> String {
    lang.find(&format!("claims.place_type.{code}"))
        .unwrap_or(code)
        .to_lowercase()
}

/// A category's label from the catalogue.
fn category_label(code: &str, lang: Lang) -> &str {
    lang.find(&format!("category.{code}")).unwrap_or(code)
}

/// A queue clash in plain words, naming the other agreement when it is another's.
fn tier_clash(clash: QueueClash, agreement: Option<&(String, i64)>) -> (String, String) {
    let (nb, en) = match clash {
        QueueClash::Duplicate => (
            "Prioriteten er allerede brukt av et annet trinn",
            "The priority is already used by another tier",
        ),
        QueueClash::UnboundedNotLast => (
            "0 (ubegrenset) er bare lov på det siste trinnet i køen etter prioritet",
            "0 (unbounded) is only allowed on the last tier of the queue by priority",
        ),
        QueueClash::AfterUnbounded => (
            "Trinnet må komme før det ubegrensede trinnet etter prioritet",
            "The tier must come before the unbounded tier by priority",
        ),
    };
    match agreement {
        Some((name, priority)) => (
            format!("{nb} (i avtalen «{name}», prioritet {priority})"),
            format!("{en} (in the agreement \"{name}\", priority {priority})"),
        ),
        None => (nb.to_owned(), en.to_owned()),
    }
}

/// An ISO date as the interface shows it (dd.mm.yyyy, SPEC §9); anything else as it is.
fn shown_date(iso: &str) -> String {
    mottak_domain::dates::parse_date(iso).map_or_else(
        || iso.to_owned(),
        |date| date.format("%d.%m.%Y").to_string(),
    )
}

/// `2026-03` as «mars 2026» or "March 2026"; anything else as it is.
fn month_words(month: &str, lang: Lang) -> String {
    let Some((year, number)) = month.split_once('-') else {
        return month.to_owned();
    };
    let number = number.trim_start_matches('0');
    match lang.find(&format!("calendar_month.name.{number}")) {
        Some(name) => format!("{name} {year}"),
        None => month.to_owned(),
    }
}

/// `error` in `lang`.
pub fn error_text(error: &FieldError, lang: Lang) -> String {
    problem_text(&error.problem, lang)
}

/// `problem` in `lang`.
pub fn problem_text(problem: &Problem, lang: Lang) -> String {
    let (nb, en) = texts(problem);
    match lang {
        Lang::Nb => nb,
        Lang::En => en,
    }
}

/// (bokmål, English). A match over every variant, so a new problem without texts does not
/// compile.
fn texts(problem: &Problem) -> (String, String) {
    use Problem::*;
    let both = |nb: &str, en: &str| (nb.to_owned(), en.to_owned());
    match problem {
        Required => both("må fylles ut", "is required"),
        TooLong { max } => (
            format!("kan være høyst {max} tegn"),
            format!("can be at most {max} characters"),
        ),
        CentreNameMissing => both("Skriv navnet på mottaket", "Enter the centre's name"),
        OperatorNameMissing => both(
            "Skriv navnet på driftsoperatøren",
            "Enter the operator's name",
        ),
        ChooseOperator => both("Velg driftsoperatør", "Choose the operator"),
        NoOperatorWithId => both(
            "Driftsoperatøren finnes ikke",
            "The operator does not exist",
        ),
        NoOperatorWithDro { dro } => (
            format!("Ingen driftsoperatør har DRO-nummeret {dro}"),
            format!("No operator has the DRO number {dro}"),
        ),
        NotInSeries { number, series } => (
            format!("{number} hører ikke til serie {series}"),
            format!("{number} is not in series {series}"),
        ),
        UnknownPlaceType { code, .. } => (
            format!("Ukjent plasstype «{code}»"),
            format!("Unknown place type \"{code}\""),
        ),
        UnknownCategory { code } => (
            format!("Ukjent kategori «{code}»"),
            format!("Unknown category \"{code}\""),
        ),
        NotEmail { email } => (
            format!("«{email}» er ikke en e-postadresse"),
            format!("\"{email}\" is not an e-mail address"),
        ),
        InternalMailbox => both(
            "Bruk mottakets egen e-postadresse, ikke den interne Asylmottak.no-postkassen",
            "Use the centre's own e-mail address, not its internal Asylmottak.no mailbox",
        ),
        Series35OnlySpecialCare => both(
            "Serie 35 er bare for bo- og omsorgsløsninger",
            "Series 35 is only for special care institutions",
        ),
        SpecialCareSeries35 { series } => (
            format!("Bo- og omsorgsløsninger bruker serie 35, ikke {series}"),
            format!("Special care institutions use series 35, not {series}"),
        ),
        SeriesWithoutCounty { series } => (
            format!("Serie {series} hører ikke til et fylke: velg ansvarlig region"),
            format!("Series {series} has no county: choose the responsible region"),
        ),
        NotASeries => both(
            "Velg en nummerserie fra listen",
            "Choose a number series from the list",
        ),
        SeriesDigits { text } => (
            format!("Serien er to sifre fra 01 til 99, ikke «{text}»"),
            format!("The series is two digits from 01 to 99, not \"{text}\""),
        ),
        SeriesFull { series } => (
            format!(
                "Serie {series} er full: alle 99 numre er brukt, og numre brukes aldri på nytt"
            ),
            format!(
                "Series {series} is full: all 99 numbers are used, and numbers are never reused"
            ),
        ),
        CentreNumberDigits { text } => (
            format!("Et mottaksnummer har fire sifre, ikke «{text}»"),
            format!("A centre number has four digits, not \"{text}\""),
        ),
        CentreNumberZero { text } => (
            format!("{text} er ikke et mottaksnummer: serie og løpenummer starter på 01"),
            format!("{text} is not a centre number: series and running number start at 01"),
        ),
        DroFormat { text } => (
            format!("Et DRO-nummer er «DRO» fulgt av sifre, som DRO1000, ikke «{text}»"),
            format!("A DRO number is \"DRO\" followed by digits, like DRO1000, not \"{text}\""),
        ),
        DroLeadingZeros { text } => (
            format!("Et DRO-nummer har ikke nuller først: «{text}»"),
            format!("A DRO number has no leading zeros: \"{text}\""),
        ),
        OrganisationNumberDigits { text } => (
            format!("Et organisasjonsnummer har ni sifre, ikke «{text}»"),
            format!("An organisation number has nine digits, not \"{text}\""),
        ),
        OrganisationNumberCheck { digits } => (
            format!(
                "{digits} er ikke et gyldig organisasjonsnummer: kontrollsifferet stemmer ikke"
            ),
            format!("{digits} is not a valid organisation number: the check digit is wrong"),
        ),
        BankAccountDigits { text } => (
            format!("Et kontonummer har elleve sifre, ikke «{text}»"),
            format!("A bank account number has eleven digits, not \"{text}\""),
        ),
        BankAccountCheck { digits } => (
            format!("{digits} er ikke et gyldig kontonummer: kontrollsifferet stemmer ikke"),
            format!("{digits} is not a valid bank account number: the check digit is wrong"),
        ),
        PostalCodeDigits { text } => (
            format!("Et postnummer har fire sifre, ikke «{text}»"),
            format!("A postal code has four digits, not \"{text}\""),
        ),
        MunicipalityDigits { text } => (
            format!("Et kommunenummer har fire sifre, ikke «{text}»"),
            format!("A municipality number has four digits, not \"{text}\""),
        ),
        MunicipalityFourDigits => both(
            "Fire sifre, for eksempel 0301",
            "Four digits, for example 0301",
        ),
        PostalCodeUnknown => both(
            "Postnummeret finnes ikke i postnummerlisten",
            "The postal code is not in the postal-code list",
        ),
        MunicipalityUnknown => both(
            "Kommunenummeret finnes ikke i kommunelisten",
            "The municipality number is not in the municipality list",
        ),
        NoMunicipalityWithNumber => both(
            "Ingen kommune har dette nummeret",
            "No municipality has this number",
        ),
        NotYours => both(
            "Du kan bare opprette brukere i din egen kommune og med roller du selv kan tildele",
            "You can only create users in your own municipality and with roles you may assign",
        ),
        Region => both(
            "Velg en av regionene ØST, SØR, IØST, NORD, VEST og MIDT",
            "Choose one of the regions ØST, SØR, IØST, NORD, VEST and MIDT",
        ),
        RegionNeeded => both(
            "En bruker ved et regionkontor trenger regionen sin",
            "A regional unit user needs a region",
        ),
        OperatorDroNeeded => both(
            "En bruker hos en driftsoperatør trenger operatørens DRO-nummer",
            "An operator user needs the operator's DRO number",
        ),
        MunicipalityNeeded => both(
            "En kommunal bruker trenger et kommunenummer",
            "A municipal user needs a municipality number",
        ),
        Username => both(
            "3–64 tegn: små bokstaver, sifre, «.», «_» eller «-», og første tegn er en bokstav",
            "3–64 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter",
        ),
        UnknownRole => both("Velg en rolle fra listen", "Choose a role from the list"),
        UsernameTaken => both("Brukernavnet er i bruk", "The username is taken"),
        Phone { text } => (
            format!("«{text}» er ikke et telefonnummer: sifre, mellomrom og +, minst 8 sifre"),
            format!("\"{text}\" is not a phone number: digits, spaces and +, at least 8 digits"),
        ),
        IpAddress { text } => (
            format!("«{text}» er ikke en IPv4- eller IPv6-adresse"),
            format!("\"{text}\" is not an IPv4 or IPv6 address"),
        ),
        Month => both(
            "må være en måned som finnes, åååå-mm",
            "must be an existing month, YYYY-MM",
        ),
        Date => both(
            "må være en dato (dd.mm.åååå)",
            "must be a date (dd.mm.yyyy)",
        ),
        ClaimPlaceType => both("ukjent plasstype", "unknown place type"),
        PlaceTypeTaken { .. } => both(
            "en annen enhet har allerede denne plasstypen",
            "another unit already has this place type",
        ),
        TooManyAgreements { max } => (
            format!("høyst {max} avtaler per enhet"),
            format!("at most {max} agreements per unit"),
        ),
        MealTiersNeedCanteen => both(
            "kosttrinn krever at enheten har kantine",
            "meal tiers need a unit with a canteen",
        ),
        AgreementKind => both(
            "ukjent avtaletype (H, T eller A)",
            "unknown agreement kind (H, T or A)",
        ),
        TierKind => both(
            "ukjent type (stykkpris, beredskap eller konvertert)",
            "unknown kind (unit price, standby or converted)",
        ),
        AfterValidFrom => both(
            "kan ikke være før første dag i avtalen",
            "cannot be before the agreement's first day",
        ),
        Negative => both("kan ikke være negativ", "must not be negative"),
        AtLeastOne => both("må være minst 1", "must be at least 1"),
        AtMost { max } => (
            format!("kan være høyst {max}"),
            format!("must be at most {max}"),
        ),
        PriorityUsed { .. } => both(
            "prioriteten er allerede brukt av et annet trinn",
            "the priority is already used by another tier",
        ),
        UnboundedNotLast => both(
            "0 (ubegrenset) er bare lov på det siste trinnet i køen etter prioritet",
            "0 (unbounded) is only allowed on the last tier of the queue by priority",
        ),
        OutsideMonth { month } => (
            format!("er utenfor måneden {month}"),
            format!("is outside the month {month}"),
        ),
        NoUnitWithPlaceType => both(
            "ingen enhet har denne plasstypen",
            "no unit has this place type",
        ),
        SecondEntry => both(
            "en dato og plasstype er oppgitt to ganger",
            "a date and place type are given twice",
        ),
        UnknownTemplate { .. } => both("Velg en mal fra listen", "Choose a template from the list"),
        TemplateKeyChanged => both(
            "må være nøkkelen til malen som revideres",
            "must be the key of the template being revised",
        ),
        NoTemplateItems => both(
            "en mal må ha minst én oppgave",
            "a template needs at least one item",
        ),
        DuplicateItem { key } => (
            format!("oppgavenøkkelen «{key}» er brukt to ganger"),
            format!("the item key \"{key}\" is used twice"),
        ),
        UnknownItem { key } => (
            format!("viser til oppgaven «{key}», som malen ikke har"),
            format!("names the item \"{key}\", which the template does not have"),
        ),
        UntitledItem { key } => (
            format!("den nye oppgaven «{key}» trenger tittel på bokmål og engelsk (nb, en)"),
            format!("the new item \"{key}\" needs a title in bokmål and English (nb, en)"),
        ),
        UnknownTeam { .. } => both("Velg et team fra listen", "Choose a team from the list"),
        AwardedAfterSigned => both(
            "Tildelingen kan ikke være etter signeringen",
            "The award cannot be after the signing",
        ),
        SignedNotBeforeEnd => both(
            "Signeringen må være før avtalen slutter",
            "The signing must be before the agreement ends",
        ),
        EndNotAfterOperationStart => both(
            "Sluttdatoen må være etter driftsstart",
            "The end must be after the start of operation",
        ),
        AgreementNotOfCentre => both(
            "Velg en av mottakets avtaler",
            "Choose one of the centre's agreements",
        ),
        Between { min, max } => (
            format!("må være fra {min} til {max}"),
            format!("must be from {min} to {max}"),
        ),
        EndsAfterSigned => both(
            "må være etter datoen avtalen ble signert",
            "must be after the day the agreement was signed",
        ),
        Year => both(
            "må være et år fra 2000 til 2100",
            "must be a year from 2000 to 2100",
        ),
        ReasonForNo => both("et nei må ha en begrunnelse", "a no needs a reason"),
        YesOrNo => both("må være ja eller nei", "must be yes or no"),
        NotInThePast => both("kan ikke være tilbake i tid", "must not be in the past"),
        WholeNumber => both("må være et helt tall", "must be a whole number"),
        InTheFuture => both("kan ikke være fram i tid", "must not be in the future"),
        UnknownLogKind { .. } => both(
            "Velg en type aktivitet fra listen",
            "Choose a kind of activity from the list",
        ),
        NoSuchTask => both(
            "Oppgaven finnes ikke i mottakets planer",
            "The task is not in the centre's plans",
        ),
        UnknownHousehold => both(
            "ingen beboer har denne husstandsnøkkelen",
            "no resident has this household key",
        ),
        ScoreLine { line } => (
            format!("linje {line}: husstand;kommune;poeng med et tall"),
            format!("line {line}: household;municipality;score with a number"),
        ),
        ListLine { line } => (
            format!("linje {line}: nøkkel;verdi,verdi"),
            format!("line {line}: key;value,value"),
        ),
        UnknownMunicipalityNumber { number } => (
            format!("kommunen {number} finnes ikke"),
            format!("unknown municipality {number}"),
        ),
        UnknownMunicipalityOnLine { line, number } => (
            format!("linje {line}: kommunen {number} finnes ikke"),
            format!("line {line}: unknown municipality {number}"),
        ),
        CapacityLine { line } => (
            format!("linje {line}: «kommune;kapasitet» med et heltall"),
            format!("line {line}: “municipality;capacity” with a whole number"),
        ),
        HouseholdLine { line } => (
            format!("linje {line}: «husstand;størrelse;kommune;poeng»"),
            format!("line {line}: “household;size;municipality;score”"),
        ),
        NoCapacityOnLine { line, number } => (
            format!("linje {line}: kommunen {number} mangler i kapasitetene"),
            format!("line {line}: the municipality {number} has no capacity above"),
        ),
        TwoSizes { line, household } => (
            format!("linje {line}: husstanden {household} har to størrelser"),
            format!("line {line}: household {household} has two sizes"),
        ),
        PairLine { line } => (
            format!("linje {line}: «husstand;kommune»"),
            format!("line {line}: “household;municipality”"),
        ),
        NotWaiting { key } => (
            format!("husstanden {key} venter ikke på bosetting"),
            format!("the household {key} is not waiting"),
        ),
        NothingToPlace => both(
            "ingen husstander eller ingen kommuner å fordele",
            "no household or no municipality to place",
        ),
        NoApprovedDecision { number, year } => (
            format!("kommunen {number} har ikke noe godkjent vedtak for {year}"),
            format!("the municipality {number} has no approved decision for {year}"),
        ),
        NoUnits => both(
            "Avtalen må ha minst én enhet",
            "The agreement needs at least one unit",
        ),
        CentreTwice { first } => (
            format!("Mottaket er allerede med i avtalen, i enhet {}", first + 1),
            format!(
                "The centre is already in the agreement, in unit {}",
                first + 1
            ),
        ),
        TierClash {
            clash, agreement, ..
        } => tier_clash(*clash, agreement.as_ref()),
        CanteenClash { agreement, canteen } => {
            let (nb, en) = if *canteen {
                ("uten", "without")
            } else {
                ("med", "with")
            };
            (
                format!("Avtalen «{agreement}» gjelder noen av de samme dagene {nb} kantine"),
                format!(
                    "The agreement \"{agreement}\" is valid on some of the same days {en} a canteen"
                ),
            )
        }
        MonthNumber => both("må være en måned, 1–12", "must be a month, 1–12"),
        Months { max } => (
            format!("må være fra 0 til {max} måneder"),
            format!("must be from 0 to {max} months"),
        ),
        PercentRange { max } => (
            format!("må være fra 0 til {max} prosent"),
            format!("must be from 0 to {max} per cent"),
        ),
        Percentage => both(
            "må være en prosent fra 0 til 100",
            "must be a percentage from 0 to 100",
        ),
        PaymentPeriod => both(
            "Velg engangs, månedlig, kvartalsvis eller årlig",
            "Choose one-off, monthly, quarterly or yearly",
        ),
        EarliestFirstDate { earliest } => (
            format!(
                "kan tidligst være {}, i kalenderåret etter oppstart",
                shown_date(earliest)
            ),
            format!(
                "can be {} at the earliest, in the calendar year after the start",
                shown_date(earliest)
            ),
        ),
        BeforeFirstRegulation => both(
            "må være før første reguleringsdato",
            "must be before the first regulation date",
        ),
        Amount => both(
            "må være et beløp i kroner, for eksempel 1 234,56",
            "must be an amount in kroner, e.g. 1,234.56",
        ),
        NoCentreWithId => both("Mottaket finnes ikke", "The centre does not exist"),
        NotOperatorsCentre => both(
            "Driftsoperatøren driver ikke dette mottaket",
            "The operator does not run this centre",
        ),
        StopBeforeStart => both(
            "Med oppsigelsestiden ville avtalen stanse før den begynner",
            "With the notice period the agreement would stop before it starts",
        ),
        ListedTwice { date } => (
            format!("{} står to ganger", shown_date(date)),
            format!("{} is listed twice", shown_date(date)),
        ),
        DayOfMonth { month } => (
            format!("må være en dag i {}", month_words(month, Lang::Nb)),
            format!("must be a day of {}", month_words(month, Lang::En)),
        ),
        LineDayOfMonth { month } => (
            format!("Datoen må være en dag i {}", month_words(month, Lang::Nb)),
            format!("The date must be a day of {}", month_words(month, Lang::En)),
        ),
        Count => both(
            "må være et heltall, 0 eller mer",
            "must be a whole number, 0 or more",
        ),
        LineCount => both(
            "Antall beboere må være et helt tall, 0 eller mer",
            "The number of residents must be a whole number, 0 or more",
        ),
        DateResidentsLine => both(
            "Linjen må ha dato og antall beboere",
            "The line needs a date and a number of residents",
        ),
        DufNumber => both("må være nøyaktig 12 sifre", "must be exactly 12 digits"),
        Gender => both("Velg kjønn", "Choose the gender"),
        AfterFrom => both("må være etter første dag", "must be after the first day"),
        ColumnCount {
            expected, found, ..
        } => (
            format!("Linjen skal ha {expected} kolonner, men har {found}"),
            format!("The line should have {expected} columns, but has {found}"),
        ),
        RepeatedInFile { key, first } => (
            format!("{key} står flere ganger i filen (først på linje {first})"),
            format!("{key} appears more than once in the file (first on line {first})"),
        ),
        RepeatedOnLines { key, lines } => (
            format!("{key} står flere ganger i filen (linje {lines})"),
            format!("{key} appears more than once in the file (lines {lines})"),
        ),
        NoRows { .. } => both("Filen har ingen rader", "The file has no rows"),
        EmptyFile { columns } => (
            format!("Filen er tom; den første raden skal navngi kolonnene: {columns}"),
            format!("The file is empty; its first row must name the columns: {columns}"),
        ),
        UnknownColumn { name, columns } => (
            format!("Ukjent kolonne «{name}»; kolonnene er {columns}"),
            format!("Unknown column \"{name}\"; the columns are {columns}"),
        ),
        ColumnTwice { name } => (
            format!("Kolonnen «{name}» står to ganger"),
            format!("The column \"{name}\" appears twice"),
        ),
        MissingColumns { names } => (
            format!("Disse kolonnene mangler: {names}"),
            format!("These columns are missing: {names}"),
        ),
        UnclosedQuote => both(
            "Et felt i anførselstegn lukkes ikke før filen slutter",
            "A quoted field is not closed before the end of the file",
        ),
        FieldCount { fields, header } => (
            format!("Raden har {fields} felt, overskriftsraden {header}"),
            format!("The row has {fields} fields, the header {header}"),
        ),
        TrueOrFalse { text } => (
            format!("«{text}» er verken ja eller nei"),
            format!("\"{text}\" is neither yes nor no"),
        ),
        UnknownRegion { text } => (
            format!("Ukjent region «{text}»; en av ØST, SØR, IØST, NORD, VEST, MIDT"),
            format!("Unknown region \"{text}\"; one of ØST, SØR, IØST, NORD, VEST, MIDT"),
        ),
        SpecialCareNeedsRegion => both(
            "Et mottak i serie 35 trenger region, fordi ingen fylke gir den",
            "A centre in series 35 needs its region, since no county gives it one",
        ),
        CentreNumberInUse { number } => (
            format!("Mottaksnummer {number} er allerede i bruk"),
            format!("Centre number {number} is already in use"),
        ),
        DroNumberInUse { dro } => (
            format!("{dro} er allerede i bruk"),
            format!("{dro} is already in use"),
        ),
        CpiIndexShape => both(
            "må være en indeks som 136,4 (høyst tre desimaler)",
            "must be an index like 136.4 (at most three decimals)",
        ),
        CpiIndexRange => both(
            "må være over 0 og høyst 100000",
            "must be above 0 and at most 100000",
        ),
        MunicipalityCountyLine => both(
            "Linjen skal ha to kolonner: kommune;fylke",
            "The line should have two columns: municipality;county",
        ),
        RequestExists { municipality, year } => (
            format!("Kommune {municipality} har allerede en anmodning for {year}"),
            format!("Municipality {municipality} already has a request for {year}"),
        ),
        OnLine { line, problem } => {
            let (nb, en) = texts(problem);
            (format!("Linje {line}: {nb}"), format!("Line {line}: {en}"))
        }
        PasswordTooShort { min } => (
            format!("må ha minst {min} tegn"),
            format!("must have at least {min} characters"),
        ),
        PasswordTooCommon => both(
            "er for lett å gjette (et vanlig passord eller nesten et); velg et annet",
            "is too easy to guess (a common password or nearly one); choose another",
        ),
        NoCentreForStays => both(
            "Velg et mottak du kan registrere opphold ved",
            "Choose a centre you may register stays at",
        ),
        ElearningNeeded => both(
            "Bekreft at den ansatte har fullført e-læringen før du godkjenner",
            "Confirm that the employee has completed the e-learning before approving",
        ),
        UnknownMember => both("ukjent felt", "unknown field"),
        LeftOrLeave => both("Velg sluttet eller permisjon", "Choose left or leave"),
        Channel => both("Velg en kanal fra listen", "Choose a channel from the list"),
        UnknownOperation => both(
            "Velg en endring fra listen",
            "Choose a change from the list",
        ),
        ChooseNewOperator => both("Velg den nye driftsoperatøren", "Choose the new operator"),
        StoredRegion => both(
            "Mottakets region er ikke en av UDIs regioner",
            "The centre's region is not one of UDI's regions",
        ),
        AlreadyOpen => both("Mottaket er allerede i drift", "The centre is already open"),
        AlreadyClosed => both(
            "Mottaket er allerede nedlagt",
            "The centre is already closed",
        ),
        ClosedReopenFirst => both(
            "Mottaket er nedlagt; gjenåpne det før du endrer det",
            "The centre is closed; reopen it before changing it",
        ),
        NewNameEmpty => both("Skriv det nye navnet", "Enter the new name"),
        SameName => both(
            "Det nye navnet er det samme som det gamle",
            "The new name is the same as the current one",
        ),
        OperatorChangeKeepsName => both(
            "Ny driftsoperatør gir også nytt navn, så de to vises som to mottak",
            "A change of operator changes the name too, so the two appear as two centres",
        ),
        AlreadyPlaceType { place_type } => (
            format!(
                "Mottaket har allerede plasstypen {}",
                place_label(place_type, Lang::Nb)
            ),
            format!(
                "The centre already has place type {}",
                place_label(place_type, Lang::En)
            ),
        ),
        NumberHasPlaceType { place_type } => (
            format!(
                "Mottaksnummeret har allerede plasstypen {}; en ny plasstype får eget nummer",
                place_label(place_type, Lang::Nb)
            ),
            format!(
                "This centre number already has place type {}; a new place type gets its own \
                 number",
                place_label(place_type, Lang::En)
            ),
        ),
        AlreadyCategory { category } => (
            format!(
                "Mottaket er allerede {}",
                category_label(category, Lang::Nb).to_lowercase()
            ),
            format!(
                "The centre is already a {}",
                category_label(category, Lang::En).to_lowercase()
            ),
        ),
        KeepsNumberNoSeries { .. } => both(
            "Endringen beholder mottaksnummeret, så den tar ingen nummerserie",
            "The change keeps the centre's number, so it takes no series",
        ),
        SpecialCareUsesSeries35 => both(
            "Bo- og omsorgsløsninger bruker nummerserie 35",
            "Special care institutions use series 35",
        ),
        LeavingSpecialCareNeedsSeries => both(
            "Når mottaket ikke lenger er bo- og omsorgsløsning: oppgi nummerserien for fylket",
            "Leaving special care: give the series of the centre's county",
        ),
        SeriesStays { series } => (
            format!(
                "Det nye nummeret blir i nummerserie {series}; nummerserie oppgis bare når en ny \
                 kategori ikke lenger er bo- og omsorgsløsning"
            ),
            format!(
                "The new number stays in series {series}; a series is given only when a change \
                 of category leaves special care"
            ),
        ),
        LinkedNumberHasPlaceType { number, place_type } => (
            format!(
                "Mottaksnummer {number}, som henger sammen med dette, har allerede plasstypen {}; \
                 ett nummer per plasstype",
                place_label(place_type, Lang::Nb)
            ),
            format!(
                "Centre number {number}, linked with this one, already has place type {}; one \
                 number per place type",
                place_label(place_type, Lang::En)
            ),
        ),
        Unreadable { detail } => (
            "kan ikke leses: verdien har feil form eller type".to_owned(),
            format!("cannot be read: {detail}"),
        ),
        NotJson => both(
            "Innholdet må sendes som JSON (application/json)",
            "The content must be sent as JSON (application/json)",
        ),
        NotUtf8 => both("må være UTF-8-tekst", "must be UTF-8 text"),
        OneOf { options } => (
            format!("må være en av {options}"),
            format!("must be one of {options}"),
        ),
        Number => both("må være et tall", "must be a number"),
        FiniteNumber => both("må være et endelig tall", "must be a finite number"),
        TextOrWholeNumber => both(
            "må være tekst eller et heltall",
            "must be text or a whole number",
        ),
        Positive => both("må være større enn null", "must be more than zero"),
        BeyondCalendar => both(
            "Datoen ligger utenfor kalenderen",
            "The date lies beyond the calendar",
        ),
        MonthOrCentre => both(
            "Velg en måned eller et mottak",
            "Choose a month or a centre",
        ),
        NoHousehold { id } => (
            format!("Ingen husstand har nøkkelen {id}"),
            format!("No household has the key {id}"),
        ),
        PinnedTwice { household } => (
            format!("Husstanden {household} er låst to ganger"),
            format!("Household {household} is pinned twice"),
        ),
        PinnedWithoutScore {
            household,
            municipality,
        } => (
            format!(
                "Husstanden {household} kan ikke låses til kommune {municipality}: kommunen er \
                 ikke tillatt for husstanden, eller er utelukket"
            ),
            format!(
                "Household {household} cannot be pinned to municipality {municipality}: the \
                 municipality is not allowed for the household, or is excluded"
            ),
        ),
        DuplicateMunicipality { number } => (
            format!("Kommune {number} står to ganger"),
            format!("Municipality {number} is listed twice"),
        ),
        DuplicateHousehold { id } => (
            format!("Husstanden {id} står to ganger"),
            format!("Household {id} is listed twice"),
        ),
        UnknownMunicipalityIndex { index } => (
            format!("Kommune nummer {index} i listen finnes ikke"),
            format!("Municipality number {index} in the list does not exist"),
        ),
        ScoreTwice => both(
            "Husstanden har mer enn én poengsum for denne kommunen",
            "The household has more than one score for this municipality",
        ),
        MaxMunicipalities { max } => (
            format!("kan være høyst {} kommuner", grouped(*max)),
            format!("can be at most {max} municipalities"),
        ),
        MaxHouseholds { max } => (
            format!("kan være høyst {} husstander", grouped(*max)),
            format!("can be at most {max} households"),
        ),
        MaxScores { max } => (
            format!("kan være høyst {} poengsummer i alt", grouped(*max)),
            format!("can be at most {max} scores in all"),
        ),
        MaxBytes { max } => (
            format!("kan være høyst {} tegn", grouped(*max)),
            format!("can be at most {max} characters"),
        ),
        MaxPersons { max } => (
            format!("kan være høyst {} personer", grouped(*max)),
            format!("can be at most {max} persons"),
        ),
        MaxMilliseconds { max } => (
            format!("kan være høyst {} millisekunder", grouped(*max)),
            format!("can be at most {max} milliseconds"),
        ),
        Stale => both(
            "Noen andre har endret dette siden du åpnet siden. Last inn siden på nytt og prøv igjen.",
            "Someone else changed this since you opened the page. Reload the page and try again.",
        ),
        NumberInUse => both(
            "Nummeret er allerede i bruk",
            "The number is already in use",
        ),
        ExistingRecord { .. } => both(
            "Det finnes allerede en registrering med de samme opplysningene",
            "A record with the same details exists already",
        ),
        YearlyExists { decision: false } => both(
            "Kommunen har allerede en anmodning for dette året",
            "The municipality already has a request for this year",
        ),
        YearlyExists { decision: true } => both(
            "Kommunen har allerede et vedtak for dette året",
            "The municipality already has a decision for this year",
        ),
        RequestStoredMeanwhile => both(
            "En anmodning for denne kommunen og dette året ble lagret i mellomtiden",
            "A request for this municipality and year was stored meanwhile",
        ),
        OfferNotAcceptedForDecision { status } => (
            format!(
                "Tilbudet er {}; bosettingsvedtaket kommer etter at kommunen har sagt ja",
                status_word(status, Lang::Nb)
            ),
            format!(
                "The offer is {}; the settlement decision follows the municipality's yes",
                status_word(status, Lang::En)
            ),
        ),
        AlreadyDecided => both(
            "Bosettingsvedtaket er allerede fattet",
            "The settlement decision is already made",
        ),
        DecisionNotMade => both(
            "Bosettingsvedtaket er ikke fattet ennå",
            "The settlement decision is not made yet",
        ),
        HouseholdInOffer => both(
            "Husstanden er allerede med i et åpent eller akseptert tilbud",
            "The household is already in an open or accepted offer",
        ),
        HouseholdTooLarge { persons, room } => (
            format!(
                "Husstanden har {persons} personer, men vedtaket har bare {room} plasser igjen"
            ),
            format!("The household has {persons} persons, but the decision has only {room} left"),
        ),
        OfferNotOpen { status } => (
            format!("Tilbudet er {}", status_word(status, Lang::Nb)),
            format!("The offer is {}", status_word(status, Lang::En)),
        ),
        OfferAnswered => both(
            "Tilbudet er allerede besvart",
            "The offer is already answered",
        ),
        ExportNeedsYes => both(
            "Bare et tilbud kommunen har akseptert, kan eksporteres som sak",
            "Only an offer the municipality accepted can be exported as a case",
        ),
        AlreadySettled => both(
            "Beboeren er allerede bosatt",
            "The resident is already settled",
        ),
        NoYes => both(
            "Ingen kommune har sagt ja til å bosette beboeren",
            "No municipality has said yes to settling the resident",
        ),
        BeforeYes => both(
            "Datoen er før kommunen sa ja",
            "The date is before the municipality said yes",
        ),
        NotAfterStayStart => both(
            "Datoen må være etter at beboerens opphold startet",
            "The date must be after the start of the resident's stay",
        ),
        SettlementInApprovedMonth => both(
            "Datoen endrer en godkjent måned; bare UDI kan endre den",
            "The date changes an approved month; only UDI may change it",
        ),
        ThreadOpensWithYes => both(
            "Samtalen mellom kommunen og mottaket åpnes når kommunen har sagt ja",
            "The thread between the municipality and the centre opens with the municipality's yes",
        ),
        ClaimMade { month, .. } => (
            format!(
                "Kravet for {} er allerede laget",
                month_words(month, Lang::Nb)
            ),
            format!(
                "The claim for {} is made already",
                month_words(month, Lang::En)
            ),
        ),
        MonthNotApproved { month } => (
            format!(
                "Belegget for {} er ikke godkjent ennå",
                month_words(month, Lang::Nb)
            ),
            format!(
                "The occupancy of {} is not approved yet",
                month_words(month, Lang::En)
            ),
        ),
        ClaimWindowClosed { closed } => (
            format!(
                "Fristen for krav gikk ut {} (tre måneder etter at mottakets siste avtale sluttet)",
                shown_date(closed)
            ),
            format!(
                "The claim window closed on {} (three months after the centre's last agreement \
                 ended)",
                shown_date(closed)
            ),
        ),
        AgreementsUnclaimable { problem } => {
            let (nb, en) = texts(problem);
            (
                format!("Mottakets lagrede avtaler kan ikke gi krav: {nb}"),
                format!("The centre's stored agreements cannot be claimed: {en}"),
            )
        }
        StaffStepNotApplicable { status } => (
            format!(
                "Steget gjelder ikke en ansatt med status «{}»",
                staff_status_word(status, Lang::Nb)
            ),
            format!(
                "The step does not apply to an employee with status \"{}\"",
                staff_status_word(status, Lang::En)
            ),
        ),
        StayInApprovedMonth => both(
            "Oppholdet endrer en godkjent måned eller en måned der kravfristen er ute; bare UDI \
             kan endre den",
            "The stay changes an approved month or one whose claim window has closed; only UDI \
             may change it",
        ),
        StayOverlaps { .. } => both(
            "Oppholdet overlapper et annet opphold for beboeren",
            "The stay overlaps another stay of the resident",
        ),
        DufRegistered => both(
            "En beboer med dette DUF-nummeret er allerede registrert",
            "A resident with this DUF number is already registered",
        ),
        MonthApproved => both(
            "Måneden er godkjent; bare UDI kan endre den",
            "The month is approved; only UDI may change it",
        ),
        CountedFromStays => both(
            "Mottaket har beboeropphold i måneden; belegget telles fra dem",
            "The centre has residents' stays in this month; its occupancy is counted from them",
        ),
        LastMunicipalityAdmin { municipality } => (
            format!(
                "Kommune {municipality} ville stått uten aktiv kommuneadministrativ bruker. Gi en \
                 annen bruker den rollen først."
            ),
            format!(
                "Municipality {municipality} would have no active municipal administrator left. \
                 Give another account that role first."
            ),
        ),
        IndexMissing { month } => (
            format!(
                "Konsumprisindeksen for {} mangler; ingenting ble regulert",
                month_words(month, Lang::Nb)
            ),
            format!(
                "The consumer price index of {} is missing; nothing was regulated",
                month_words(month, Lang::En)
            ),
        ),
        IndexUsed {
            months,
            may_confirm,
        } => {
            let nb: Vec<String> = months.iter().map(|m| month_words(m, Lang::Nb)).collect();
            let en: Vec<String> = months.iter().map(|m| month_words(m, Lang::En)).collect();
            let (nb_remedy, en_remedy) = if *may_confirm {
                ("bekreft for å erstatte dem", "confirm to replace them")
            } else {
                (
                    "bare en administrator kan erstatte dem",
                    "only an administrator may replace them",
                )
            };
            (
                format!(
                    "Reguleringer har brukt indeksen for {}: {nb_remedy}",
                    nb.join(", ")
                ),
                format!(
                    "Regulations have used the index of {}: {en_remedy}",
                    en.join(", ")
                ),
            )
        }
        NoticeAfterEnd { stop, end } => (
            format!(
                "Oppsigelse på denne datoen stanser avtalen {}, etter at den utløper {}",
                shown_date(stop),
                shown_date(end)
            ),
            format!(
                "Notice on this date stops the agreement on {}, after its end {}",
                shown_date(stop),
                shown_date(end)
            ),
        ),
    }
}

/// An offer's status code as a word, in lower case.
fn status_word(code: &str, lang: Lang) -> String {
    lang.find(&format!("settlement.status.{code}"))
        .unwrap_or(code)
        .to_lowercase()
}

/// A staff account's status code as a word, in lower case.
fn staff_status_word(code: &str, lang: Lang) -> String {
    lang.find(&format!("staff.status.{code}"))
        .unwrap_or(code)
        .to_lowercase()
}

/// A registry warning in `lang`: plain words, the category and place type by their labels, no
/// rule numbers.
pub fn warning_text(warning: &mottak_domain::registry::Warning, lang: Lang) -> String {
    use mottak_domain::registry::Warning::*;
    let category = |category: &mottak_domain::registry::category::Category| {
        lang.text(&format!("category.{}", category.code()))
    };
    let place = |place: &mottak_domain::place_types::PlaceType| {
        lang.text(&format!("claims.place_type.{}", place.code()))
            .to_lowercase()
    };
    let nb = lang == Lang::Nb;
    match warning {
        NoName if nb => "Mottaket har ikke noe navn.".to_owned(),
        NoName => "The centre has no name.".to_owned(),
        NameLong { length } if nb => {
            format!("Navnet er {length} tegn langt; mottaksnavn holdes korte.")
        }
        NameLong { length } => {
            format!("The name is {length} characters long; centre names are kept short.")
        }
        NameWithoutAsylmottak if nb => {
            "Navnet bør være mottakets eget navn fulgt av «asylmottak», som «Lier asylmottak»."
                .to_owned()
        }
        NameWithoutAsylmottak => "The name should be the centre's own name followed by \
                                  \"asylmottak\", like \"Lier asylmottak\"."
            .to_owned(),
        NameStartsWithAsylmottak if nb => {
            "Navnet bør begynne med mottakets eget navn, foran «asylmottak».".to_owned()
        }
        NameStartsWithAsylmottak => {
            "The name should start with the centre's own name, before \"asylmottak\".".to_owned()
        }
        NameUnknownSuffix { suffix } if nb => format!(
            "«{suffix}» etter «asylmottak» er ikke et av tilleggene EM, transitt, FA eller akutt."
        ),
        NameUnknownSuffix { suffix } => format!(
            "\"{suffix}\" after \"asylmottak\" is not one of the suffixes EM, transitt, FA, akutt."
        ),
        NameNoSuffixExpected {
            category: kind,
            place_type,
        } if nb => format!(
            "{} med plasstype {} har ikke noe tillegg etter «asylmottak».",
            category(kind),
            place(place_type)
        ),
        NameNoSuffixExpected {
            category: kind,
            place_type,
        } => format!(
            "{} with place type {} carries no suffix after \"asylmottak\".",
            category(kind),
            place(place_type)
        ),
        NameSuffixExpected {
            category: kind,
            place_type,
            expected,
        } if nb => format!(
            "{} med plasstype {} heter vanligvis «… asylmottak {expected}».",
            category(kind),
            place(place_type)
        ),
        NameSuffixExpected {
            category: kind,
            place_type,
            expected,
        } => format!(
            "{} with place type {} is normally named \"… asylmottak {expected}\".",
            category(kind),
            place(place_type)
        ),
        OldCountyUnknown { series } if nb => format!(
            "Kommunens fylke før 2020 er ikke kjent, så nummerserie {series} kunne ikke sjekkes."
        ),
        OldCountyUnknown { series } => format!(
            "The municipality's pre-2020 county is not known, so series {series} could not be \
             checked."
        ),
        NotOldCounty { series, counties } if nb => format!(
            "Nummerserie {series} er ikke kommunens fylke før 2020 ({}).",
            counties.join(" eller ")
        ),
        NotOldCounty { series, counties } => format!(
            "Series {series} is not the municipality's pre-2020 county ({}).",
            counties.join(" or ")
        ),
        UnusualPlaceType {
            category: kind,
            place_type,
            allowed,
        } => {
            let allowed: Vec<String> = allowed.iter().map(place).collect();
            if nb {
                format!(
                    "{} har vanligvis plasstype {}, ikke {}; statistikken bygger på det.",
                    category(kind),
                    allowed.join(" eller "),
                    place(place_type)
                )
            } else {
                format!(
                    "{} normally has place type {}, not {}; the statistics depend on it.",
                    category(kind),
                    allowed.join(" or "),
                    place(place_type)
                )
            }
        }
        RegionFollowsSeries { series, region } if nb => {
            format!("Regionen følger nummerserie {series}: {}.", region.code())
        }
        RegionFollowsSeries { series, region } => {
            format!("The region follows series {series}: {}.", region.code())
        }
        PostalElsewhere(elsewhere) => crate::names::postal_warning_text(elsewhere, lang),
    }
}

#[cfg(test)]
mod tests;
