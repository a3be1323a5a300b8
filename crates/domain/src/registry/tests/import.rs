use super::*;

const OPERATORS: &str = "\u{feff}dro_number;name;organisation_number;experienced;phone;email;address\r\n\
DRO1000;Hero Norge AS;974 760 673;ja;;post@hero.no;\"Postboks 1; 0101 Oslo\"\r\n\
DRO1001;Nytt Drift AS;974760674;kanskje;;ikke-epost;\r\n\
;;;;;;\r\n\
DRO1000;Hero igjen;923609016;false;;;\r\n";

#[test]
fn operator_import_reads_valid_rows_and_every_bad_field() {
    let rows = parse_operator_csv(OPERATORS).unwrap();
    assert_eq!(
        rows.iter().map(|row| row.line).collect::<Vec<_>>(),
        [2, 3, 5]
    );

    let errors = rows[1].result.as_ref().unwrap_err();
    let fields: Vec<&str> = errors.iter().map(|error| error.field.as_str()).collect();
    assert_eq!(fields, ["organisation_number", "experienced", "email"]);
}

#[test]
fn import_flags_every_row_with_a_duplicate_number() {
    let rows = parse_operator_csv(OPERATORS).unwrap();
    for row in [&rows[0], &rows[2]] {
        let errors = row.result.as_ref().unwrap_err();
        assert_eq!(errors[0].field, "dro_number");
        assert!(
            errors[0].message.contains("lines 2, 5"),
            "{}",
            errors[0].message
        );
    }
}

#[test]
fn operator_import_builds_typed_rows() {
    let text =
        "name;dro_number;organisation_number;experienced\nHero Norge AS;DRO1000;974760673;true\n";
    let rows = parse_operator_csv(text).unwrap();
    let operator = rows[0].result.as_ref().unwrap();
    assert_eq!(operator.dro_number, dro(1000));
    assert_eq!(operator.organisation_number.as_str(), "974760673");
    assert!(operator.experienced);
    assert_eq!(operator.email, None);
}

#[test]
fn import_header_must_name_known_columns() {
    let missing = parse_operator_csv("dro_number;name\nDRO1000;X\n").unwrap_err();
    assert_eq!(missing.field, "header");
    assert!(
        missing.message.contains("organisation_number"),
        "{}",
        missing.message
    );
    let unknown = parse_centre_csv("number;navn\n").unwrap_err();
    assert!(unknown.message.contains("\"navn\""), "{}", unknown.message);
    let twice = parse_operator_csv("name;name;dro_number;organisation_number;experienced\n");
    assert!(twice.unwrap_err().message.contains("twice"));
    assert_eq!(parse_centre_csv("\u{feff}").unwrap_err().field, "header");
}

const CENTRES: &str = "number;name;category;place_type;municipality_number;postal_code;operator_dro;region;visiting_address;postal_address;phone;email;closed\n\
0301;Oslo asylmottak;ordinary;;0301;0155;DRO1000;;Storgata 1;;;post@oslo-mottak.no;\n\
3501;Tunet;special_care;;0301;0155;DRO1000;ØST;;;;;nei\n\
3502;Lia;special_care;;0301;0155;DRO1000;;;;;;\n\
1201;Bergen asylmottak;ordinary;ordinary;4601;5003;DRO1000;VEST;;;;bergen@asylmottak.no;\n\
3503;x;ordinary;sofa;46;;DRO;NORTH;;;;;kanskje\n\
1202;Kort;ordinary\n";

#[test]
fn centre_import_reads_typed_rows_with_defaults() {
    let rows = parse_centre_csv(CENTRES).unwrap();
    let oslo = rows[0].result.as_ref().unwrap();
    assert_eq!(oslo.number, number("0301"));
    assert_eq!(oslo.place_type, PlaceType::Ordinary);
    assert_eq!(oslo.region, None);
    assert!(!oslo.closed);
    assert!(oslo.warnings().is_empty());
    let tunet = rows[1].result.as_ref().unwrap();
    assert_eq!(tunet.place_type, PlaceType::Other);
    assert_eq!(tunet.region, Some(crate::access::Region::Ost));
    assert!(!tunet.warnings().is_empty(), "Tunet has no \"asylmottak\"");
}

#[test]
fn centre_import_errors_per_row() {
    let rows = parse_centre_csv(CENTRES).unwrap();
    let fields = |index: usize| -> Vec<String> {
        let errors = rows[index].result.as_ref().unwrap_err();
        errors.iter().map(|error| error.field.clone()).collect()
    };
    // R-REG-1: a 35xx centre names its region.
    assert_eq!(fields(2), ["region"]);
    // R-REG-7.
    assert_eq!(fields(3), ["email"]);
    assert_eq!(
        fields(4),
        [
            "place_type",
            "municipality_number",
            "postal_code",
            "operator_dro",
            "region",
            "closed",
            "number"
        ]
    );
    assert_eq!(fields(5), ["row"]);
    assert_eq!(rows[5].line, 7);
}

#[test]
fn r_reg_4_imported_centre_row_lists_every_error_against_the_reference_data() {
    let text = "number;name;category;municipality_number;postal_code;operator_dro\n\
                1250;Gamle asylmottak;ordinary;1103;0000;DRO1500\n";
    let rows = parse_centre_csv(text).unwrap();
    let row = rows[0].result.as_ref().expect("the file's own rules pass");
    let snapshot = RegistrySnapshot {
        series: vec![(series("03"), Some(crate::access::Region::Ost))],
        used_numbers: ["1250".to_owned()].into(),
        ..RegistrySnapshot::default()
    };
    let decision = check_centre_row(row, &snapshot);
    let fields: Vec<&str> = decision
        .errors
        .iter()
        .map(|error| error.field.as_str())
        .collect();
    assert_eq!(
        fields,
        [
            "number",
            "operator_dro",
            "municipality_number",
            "postal_code",
            "number"
        ]
    );
    assert_eq!((decision.region, decision.operator_id), (None, None));
}

#[test]
fn r_reg_4_a_centre_row_with_a_bad_category_is_still_judged_against_the_reference_data() {
    let text = "number;name;category;municipality_number;postal_code;operator_dro\n\
                1250;Gamle asylmottak;nonsense;1103;0000;DRO1500\n";
    let rows = parse_centre_csv(text).unwrap();
    let mut errors = rows[0].result.clone().unwrap_err();
    errors.extend(check_references(
        &rows[0].references,
        &RegistrySnapshot::default(),
    ));
    let fields: Vec<&str> = errors.iter().map(|error| error.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "category",
            "operator_dro",
            "municipality_number",
            "postal_code"
        ]
    );
}
