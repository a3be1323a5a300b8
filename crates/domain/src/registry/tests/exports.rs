use super::*;

fn entry(name: &str) -> AddressListEntry {
    AddressListEntry {
        number: "0301".into(),
        name: name.into(),
        category: "ordinary".into(),
        visiting_address: Some("Storgata 1".into()),
        postal_address: None,
        postal_code: "0155".into(),
        postal_place: Some("OSLO".into()),
        phone: Some("+47 22 00 00 00".into()),
        email: Some("post@lier-mottak.no".into()),
    }
}

#[test]
fn r_reg_9_address_list_csv_has_bom_norwegian_header_and_crlf() {
    let text = to_csv(&[entry("Lier asylmottak")]);
    assert!(text.starts_with('\u{feff}'));
    let mut lines = text.trim_start_matches('\u{feff}').split("\r\n");
    assert_eq!(
        lines.next(),
        Some(
            "Mottaksnummer;Navn;Kategori;Besøksadresse;Postadresse;Postnummer;Poststed;Telefon;E-post"
        )
    );
    assert_eq!(
        lines.next(),
        Some(
            "0301;Lier asylmottak;Ordinært mottak;Storgata 1;;0155;OSLO;+47 22 00 00 00;post@lier-mottak.no"
        )
    );
    assert_eq!(lines.next(), Some(""));
    assert_eq!(lines.next(), None);
}

#[test]
fn r_reg_9_csv_quotes_separators_quotes_and_newlines() {
    let mut tricky = entry("Lier \"gamle\" asylmottak; avd. 2");
    tricky.visiting_address = Some("Storgata 1\nbakgården".into());
    let text = to_csv(&[tricky.clone()]);
    assert!(
        text.contains("\"Lier \"\"gamle\"\" asylmottak; avd. 2\""),
        "{text}"
    );
    assert!(text.contains("\"Storgata 1\nbakgården\""), "{text}");

    // Round trip through the reader.
    let records = csv::parse(&text);
    assert_eq!(records.len(), 2);
    let fields = &records[1].fields;
    assert_eq!(fields[1], tricky.name);
    assert_eq!(fields[3], "Storgata 1\nbakgården");
    assert_eq!(fields[4], "");
    assert_eq!(fields.len(), ADDRESS_LIST_HEADER.len());
}

#[test]
fn csv_reader_counts_lines_and_notices_an_open_quote() {
    let records = csv::parse("a;b\r\n\"x\ny\";z\n\n1;\"2");
    assert_eq!(
        records.iter().map(|r| r.line).collect::<Vec<_>>(),
        [1, 2, 4, 5]
    );
    assert_eq!(records[1].fields, ["x\ny", "z"]);
    assert!(records[2].is_blank());
    assert!(records[3].unterminated_quote);
}

#[test]
fn r_reg_9_address_list_json_keeps_the_category_code() {
    let json = serde_json::to_value(entry("Lier asylmottak")).unwrap();
    assert_eq!(json["category"], "ordinary");
    assert_eq!(json["postal_address"], serde_json::Value::Null);
}
