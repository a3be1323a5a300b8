//! Every problem has a text in both languages, and the interface's text is plain words.

use super::*;

fn samples() -> Vec<Problem> {
    use Problem::*;
    let text = || "x".to_owned();
    vec![
        Required,
        TooLong { max: 200 },
        CentreNameMissing,
        OperatorNameMissing,
        ChooseOperator,
        NoOperatorWithId,
        NoOperatorWithDro { dro: text() },
        NotInSeries {
            number: text(),
            series: text(),
        },
        UnknownPlaceType {
            code: text(),
            codes: text(),
        },
        UnknownCategory { code: text() },
        NotEmail { email: text() },
        InternalMailbox,
        Series35OnlySpecialCare,
        SpecialCareSeries35 { series: text() },
        SeriesWithoutCounty { series: text() },
        NotASeries,
        SeriesDigits { text: text() },
        SeriesFull { series: text() },
        CentreNumberDigits { text: text() },
        CentreNumberZero { text: text() },
        DroFormat { text: text() },
        DroLeadingZeros { text: text() },
        OrganisationNumberDigits { text: text() },
        OrganisationNumberCheck { digits: text() },
        BankAccountDigits { text: text() },
        BankAccountCheck { digits: text() },
        PostalCodeDigits { text: text() },
        MunicipalityDigits { text: text() },
        MunicipalityFourDigits,
        PostalCodeUnknown,
        MunicipalityUnknown,
        NoMunicipalityWithNumber,
        NotYours,
        Region,
        RegionNeeded,
        OperatorDroNeeded,
        MunicipalityNeeded,
        Username,
        UnknownRole,
        UsernameTaken,
        Phone { text: text() },
        IpAddress { text: text() },
        Month,
        Date,
        ClaimPlaceType,
        PlaceTypeTaken { first: 0 },
        TooManyAgreements { max: 64 },
        MealTiersNeedCanteen,
        AgreementKind,
        TierKind,
        AfterValidFrom,
        Negative,
        AtLeastOne,
        AtMost { max: 9 },
        PriorityUsed { by: text() },
        UnboundedNotLast,
        OutsideMonth { month: text() },
        NoUnitWithPlaceType,
        SecondEntry,
        EndsAfterSigned,
        Year,
        ReasonForNo,
        YesOrNo,
        NotInThePast,
        UnknownHousehold,
        WholeNumber,
        InTheFuture,
        UnknownLogKind {
            code: text(),
            codes: text(),
        },
        NoSuchTask,
        NoUnits,
        CentreTwice { first: 0 },
        TierClash {
            clash: mottak_domain::agreements::QueueClash::Duplicate,
            other: "unit_tiers[0]".into(),
            agreement: Some((text(), 2)),
        },
        CanteenClash {
            agreement: text(),
            canteen: true,
        },
        MonthNumber,
        Months { max: 120 },
        PercentRange { max: 1000 },
        Percentage,
        PaymentPeriod,
        EarliestFirstDate {
            earliest: "2027-01-01".into(),
        },
        BeforeFirstRegulation,
        Amount,
        NoCentreWithId,
        NotOperatorsCentre,
        StopBeforeStart,
        ListedTwice {
            date: "2026-03-05".into(),
        },
        DayOfMonth {
            month: "2026-03".into(),
        },
        LineDayOfMonth {
            month: "2026-03".into(),
        },
        Count,
        LineCount,
        DateResidentsLine,
        DufNumber,
        Gender,
        AfterFrom,
        ColumnCount {
            expected: 2,
            layout: text(),
            found: 3,
        },
        RepeatedInFile {
            key: text(),
            first: 1,
        },
        RepeatedOnLines {
            key: text(),
            lines: "2, 5".into(),
        },
        NoRows { layout: text() },
        EmptyFile { columns: text() },
        UnknownColumn {
            name: text(),
            columns: text(),
        },
        ColumnTwice { name: text() },
        MissingColumns { names: text() },
        UnclosedQuote,
        FieldCount {
            fields: 2,
            header: 3,
        },
        TrueOrFalse { text: text() },
        UnknownRegion { text: text() },
        SpecialCareNeedsRegion,
        CentreNumberInUse { number: text() },
        DroNumberInUse { dro: text() },
        CpiIndexShape,
        CpiIndexRange,
        MunicipalityCountyLine,
        RequestExists {
            municipality: text(),
            year: 2026,
        },
        OnLine {
            line: 3,
            problem: Box::new(Count),
        },
        PasswordTooShort { min: 12 },
        PasswordTooCommon,
        NoCentreForStays,
        ElearningNeeded,
        UnknownMember,
        LeftOrLeave,
        Channel,
        UnknownOperation,
        ChooseNewOperator,
        StoredRegion,
        AlreadyOpen,
        AlreadyClosed,
        ClosedReopenFirst,
        NewNameEmpty,
        SameName,
        OperatorChangeKeepsName,
        AlreadyPlaceType {
            place_type: "transit".into(),
        },
        NumberHasPlaceType {
            place_type: "transit".into(),
        },
        AlreadyCategory {
            category: "transit".into(),
        },
        KeepsNumberNoSeries { operation: text() },
        SpecialCareUsesSeries35,
        LeavingSpecialCareNeedsSeries,
        SeriesStays { series: text() },
        LinkedNumberHasPlaceType {
            number: text(),
            place_type: "transit".into(),
        },
        Unreadable { detail: text() },
        NotJson,
        NotUtf8,
        OneOf { options: text() },
        Number,
        FiniteNumber,
        TextOrWholeNumber,
        Positive,
        BeyondCalendar,
        MonthOrCentre,
        NoHousehold { id: text() },
        PinnedTwice { household: text() },
        PinnedWithoutScore {
            household: text(),
            municipality: text(),
        },
        DuplicateMunicipality { number: text() },
        DuplicateHousehold { id: text() },
        UnknownMunicipalityIndex { index: 3 },
        ScoreTwice,
        MaxMunicipalities { max: 2000 },
        MaxHouseholds { max: 2000 },
        MaxScores { max: 2000 },
        MaxBytes { max: 64 },
        MaxPersons { max: 100 },
        MaxMilliseconds { max: 120_000 },
        UnknownMunicipalityOnLine {
            line: 2,
            number: text(),
        },
        CapacityLine { line: 2 },
        HouseholdLine { line: 2 },
        NoCapacityOnLine {
            line: 2,
            number: text(),
        },
        TwoSizes {
            line: 2,
            household: text(),
        },
        PairLine { line: 2 },
        Stale,
        NumberInUse,
        ExistingRecord {
            constraint: "users_username".into(),
        },
        YearlyExists { decision: false },
        YearlyExists { decision: true },
        RequestStoredMeanwhile,
        OfferNotAcceptedForDecision {
            status: "open".into(),
        },
        AlreadyDecided,
        DecisionNotMade,
        HouseholdInOffer,
        HouseholdTooLarge {
            persons: 4,
            room: 2,
        },
        OfferNotOpen {
            status: "declined".into(),
        },
        OfferAnswered,
        ExportNeedsYes,
        AlreadySettled,
        NoYes,
        BeforeYes,
        NotAfterStayStart,
        SettlementInApprovedMonth,
        ThreadOpensWithYes,
        ClaimMade {
            month: "2026-03".into(),
            claim: 7,
        },
        MonthNotApproved {
            month: "2026-03".into(),
        },
        ClaimWindowClosed {
            closed: "2026-04-01".into(),
        },
        AgreementsUnclaimable {
            problem: Box::new(NoUnits),
        },
        StaffStepNotApplicable {
            status: "refused".into(),
        },
        StayInApprovedMonth,
        StayOverlaps { with: 3 },
        DufRegistered,
        MonthApproved,
        CountedFromStays,
        LastMunicipalityAdmin {
            municipality: "4601".into(),
        },
        IndexMissing {
            month: "2026-03".into(),
        },
        IndexUsed {
            months: vec!["2026-03".into()],
            may_confirm: true,
        },
        NoticeAfterEnd {
            stop: "2027-01-01".into(),
            end: "2026-12-01".into(),
        },
    ]
}

/// Conflicts (409) are worded for the reader: a month by its name, a date as dd.mm.yyyy, a
/// status by its label.
#[test]
fn conflicts_name_months_dates_and_statuses_in_words() {
    let nb = |problem: Problem| problem_text(&problem, Lang::Nb);
    assert_eq!(
        nb(Problem::MonthNotApproved {
            month: "2026-03".into()
        }),
        "Belegget for mars 2026 er ikke godkjent ennå"
    );
    assert!(
        nb(Problem::ClaimWindowClosed {
            closed: "2026-04-01".into()
        })
        .contains("01.04.2026")
    );
    assert_eq!(
        nb(Problem::OfferNotOpen {
            status: "declined".into()
        }),
        "Tilbudet er avslått"
    );
    assert_eq!(
        Problem::OfferNotOpen {
            status: "declined".into()
        }
        .english(),
        "the offer is declined",
        "the API's sentence stays"
    );
}

#[test]
fn every_problem_has_a_text_in_each_language_without_rule_numbers_or_paths() {
    for problem in samples() {
        let (nb, en) = texts(&problem);
        assert!(!nb.is_empty() && !en.is_empty(), "{problem:?}");
        assert_ne!(nb, en, "bokmål is not English: {problem:?}");
        for text in [&nb, &en] {
            assert!(!text.contains("R-"), "no rule numbers: {text}");
            assert!(!text.contains('['), "no field paths: {text}");
        }
    }
}

#[test]
fn a_parser_error_is_worded_in_bokmal_and_keeps_the_parsers_sentence_in_the_api() {
    let error = FieldError::coded(
        "json",
        Problem::Unreadable {
            detail: "expected value at line 1 column 1".into(),
        },
    );
    assert_eq!(
        error_text(&error, Lang::Nb),
        "kan ikke leses: verdien har feil form eller type"
    );
    assert_eq!(error.message, "expected value at line 1 column 1");
    let coded = FieldError::coded("name", Problem::TooLong { max: 200 });
    assert_eq!(error_text(&coded, Lang::Nb), "kan være høyst 200 tegn");
    assert_eq!(coded.message, "at most 200 characters");
}

/// R-REG-5 and §2's warnings say what is off in the user's language, the category and place
/// type by their labels, without rule numbers (issue 17 item 3); the API keeps the English.
#[test]
fn r_reg_5_warnings_are_worded_in_each_language_without_rule_numbers() {
    use mottak_domain::access::Region;
    use mottak_domain::place_types::PlaceType;
    use mottak_domain::registry::Warning;
    use mottak_domain::registry::category::Category;
    let warnings = [
        Warning::NoName,
        Warning::NameLong { length: 90 },
        Warning::NameWithoutAsylmottak,
        Warning::NameStartsWithAsylmottak,
        Warning::NameUnknownSuffix { suffix: "x".into() },
        Warning::NameNoSuffixExpected {
            category: Category::Ordinary,
            place_type: PlaceType::Ordinary,
        },
        Warning::NameSuffixExpected {
            category: Category::Transit,
            place_type: PlaceType::Transit,
            expected: "transitt",
        },
        Warning::OldCountyUnknown {
            series: "12".into(),
        },
        Warning::NotOldCounty {
            series: "12".into(),
            counties: vec!["15".into()],
        },
        Warning::UnusualPlaceType {
            category: Category::UnaccompaniedMinors,
            place_type: PlaceType::Ordinary,
            allowed: vec![PlaceType::YouthOver15],
        },
        Warning::RegionFollowsSeries {
            series: "03".into(),
            region: Region::Ost,
        },
    ];
    for warning in &warnings {
        let nb = warning_text(warning, Lang::Nb);
        let en = warning_text(warning, Lang::En);
        for text in [&nb, &en] {
            assert!(!text.contains("R-REG"), "{text}");
            assert!(!text.contains('?'), "a missing label: {text}");
        }
        assert_ne!(nb, en, "{warning:?}");
    }
    let transit = warning_text(&warnings[6], Lang::Nb);
    assert!(
        transit.starts_with("Transittmottak med plasstype"),
        "{transit}"
    );
    assert!(
        warnings[6].english().contains("(R-REG-5)"),
        "the API's text stays"
    );
}
