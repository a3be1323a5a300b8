//! Names beside numbers (issue 17 item 5): "4601 Bergen" for a municipality number, "5003
//! Bergen" for a postal code, wherever a page shows one; and the warning of a postal code whose
//! place is another municipality's name (`domain::registry::postal`).

use std::collections::HashMap;

use mottak_domain::registry::{PostalElsewhere, place_name, postal_code_elsewhere};
use mottak_store::{Store, StoreError};

use crate::i18n::Lang;
use crate::registry::today;

/// The municipalities valid today by number, for the pages that show numbers.
#[derive(Clone, Debug, Default)]
pub struct Names {
    municipalities: HashMap<String, String>,
}

impl Names {
    pub async fn load(store: &Store) -> Result<Names, StoreError> {
        let municipalities = store
            .municipalities(&today())
            .await?
            .into_iter()
            .map(|municipality| (municipality.number, municipality.name))
            .collect();
        Ok(Names { municipalities })
    }

    /// The municipality's name, empty when the number is not one valid today.
    pub fn municipality_name(&self, number: &str) -> &str {
        self.municipalities
            .get(number.trim())
            .map_or("", String::as_str)
    }

    /// "4601 Bergen"; the number alone when it names no municipality.
    pub fn municipality(&self, number: &str) -> String {
        labelled(number, self.municipality_name(number))
    }

    /// [`Names::municipality`] of an optional number, empty for none.
    pub fn optional_municipality(&self, number: &Option<String>) -> String {
        number
            .as_deref()
            .map(|number| self.municipality(number))
            .unwrap_or_default()
    }
}

/// `number name`, or the number alone without a name.
pub fn labelled(number: &str, name: &str) -> String {
    if name.is_empty() {
        number.to_owned()
    } else {
        format!("{number} {name}")
    }
}

/// The municipalities valid today as `(number, name)`, for a form's `<datalist>`.
pub async fn municipality_choices(store: &Store) -> Result<Vec<(String, String)>, StoreError> {
    Ok(store
        .municipalities(&today())
        .await?
        .into_iter()
        .map(|municipality| (municipality.number, municipality.name))
        .collect())
}

/// The postal code's place as a reader writes it ("Bergen"), empty when the code is unknown.
pub async fn postal_place(store: &Store, code: &str) -> String {
    store
        .postal_place(code.trim(), &today())
        .await
        .map(|place| place_name(&place))
        .unwrap_or_default()
}

/// "5003 Bergen"; the code alone when it is unknown.
pub async fn postal_label(store: &Store, code: &str) -> String {
    labelled(code, &postal_place(store, code).await)
}

/// The warning of a centre in `municipality_number` whose `postal_code`'s place is another
/// municipality's name; `None` when there is none, or a number or code is unknown.
pub async fn postal_code_warning(
    store: &Store,
    municipality_number: &str,
    postal_code: &str,
) -> Result<Option<PostalElsewhere>, StoreError> {
    let Ok(place) = store.postal_place(postal_code.trim(), &today()).await else {
        return Ok(None);
    };
    let municipalities = municipality_choices(store).await?;
    let Some((number, name)) = municipalities
        .iter()
        .find(|(number, _)| number == municipality_number.trim())
    else {
        return Ok(None);
    };
    Ok(postal_code_elsewhere(
        postal_code.trim(),
        &place,
        (number, name),
        &municipalities,
    ))
}

/// The warning in the user's language, naming both municipalities.
pub fn postal_warning_text(warning: &PostalElsewhere, lang: Lang) -> String {
    lang.text("registry.postal_elsewhere")
        .replace("{code}", &warning.postal_code)
        .replace("{place}", &warning.place)
        .replace(
            "{other}",
            &labelled(&warning.other_number, &warning.other_name),
        )
        .replace(
            "{own}",
            &labelled(&warning.municipality_number, &warning.municipality_name),
        )
}
