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
    ]
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
fn a_plain_text_error_is_shown_as_written() {
    let error = FieldError::new("name", "something new");
    assert_eq!(error_text(&error, Lang::Nb), "something new");
    let coded = FieldError::coded("name", Problem::TooLong { max: 200 });
    assert_eq!(error_text(&coded, Lang::Nb), "kan være høyst 200 tegn");
    assert_eq!(coded.message, "at most 200 characters");
}
