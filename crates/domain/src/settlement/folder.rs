//! The person folder (personmappe, R-SET-6): the centre's mapping of a resident, and who may
//! read it. Health needs are in it; they never leave it for the event log (R-LOG-3).

use serde::{Deserialize, Serialize};

use crate::access::Role;
use crate::error::{FieldError, FieldErrors, Problem};

const TEXT_MAX: usize = 4000;
const LANGUAGE_MAX: usize = 100;
const LANGUAGES_MAX: usize = 20;

/// The mapping as the centre enters it and the API gives it (SPEC §10: strings but
/// `languages`); every text may be empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct Folder {
    pub education: String,
    pub work: String,
    pub languages: Vec<String>,
    pub health_needs: String,
    pub family: String,
    pub network: String,
    pub wishes: String,
}

impl Folder {
    /// The names of the fields, for event summaries that say what changed but never the content.
    pub const FIELDS: [&'static str; 7] = [
        "education",
        "work",
        "languages",
        "health_needs",
        "family",
        "network",
        "wishes",
    ];
}

fn text(field: &str, value: &str, errors: &mut FieldErrors) -> String {
    let value = value.trim();
    if value.chars().count() > TEXT_MAX {
        errors.push(FieldError::coded(field, Problem::TooLong { max: TEXT_MAX }));
    }
    value.to_owned()
}

/// Trims every text; texts of at most 4,000 characters, at most 20 languages of at most 100
/// characters each, none blank. Every invalid field at once.
pub fn validate_folder(folder: &Folder) -> Result<Folder, Vec<FieldError>> {
    let mut errors = FieldErrors::default();
    let mut languages = Vec::new();
    if folder.languages.len() > LANGUAGES_MAX {
        errors.push(FieldError::coded(
            "languages",
            Problem::AtMost {
                max: LANGUAGES_MAX as i64,
            },
        ));
    }
    for (index, language) in folder.languages.iter().enumerate() {
        let field = format!("languages[{index}]");
        let language = language.trim();
        if language.is_empty() {
            errors.push(FieldError::coded(field, Problem::Required));
        } else if language.chars().count() > LANGUAGE_MAX {
            errors.push(FieldError::coded(
                field,
                Problem::TooLong { max: LANGUAGE_MAX },
            ));
        } else {
            languages.push(language.to_owned());
        }
    }
    let checked = Folder {
        education: text("education", &folder.education, &mut errors),
        work: text("work", &folder.work, &mut errors),
        languages,
        health_needs: text("health_needs", &folder.health_needs, &mut errors),
        family: text("family", &folder.family, &mut errors),
        network: text("network", &folder.network, &mut errors),
        wishes: text("wishes", &folder.wishes, &mut errors),
    };
    errors.into_result(|| checked)
}

/// What decides whether a caller may read a resident's folder.
#[derive(Clone, Copy, Debug)]
pub struct FolderReader {
    pub role: Role,
    /// The caller is the operator of the centre where the resident lives.
    pub runs_the_centre: bool,
    /// The caller's municipality has said yes to an offer naming the resident.
    pub municipality_said_yes: bool,
    /// The caller holds the folders permission (R-AUTH-4).
    pub has_folders_permission: bool,
}

/// R-SET-6: admins and IMDi; the operator of the resident's centre; a municipal caseworker with
/// the folders permission once the municipality has said yes to the resident. No one else.
pub fn may_read_folder(reader: FolderReader) -> bool {
    match reader.role {
        Role::Admin | Role::Imdi => true,
        Role::Operator => reader.runs_the_centre,
        Role::Municipality => reader.municipality_said_yes && reader.has_folders_permission,
        _ => false,
    }
}
