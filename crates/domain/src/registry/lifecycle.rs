//! The explicit lifecycle operations of R-REG-2, what each one requires, and when it is allowed.

use super::centre::{Category, NewNumber, check_new_number};
use super::numbers::Series;
use crate::access::Region;
use crate::error::{FieldError, Problem};
use crate::place_types::PlaceType;
use crate::registry::warning::Warning;

/// An operation on an existing centre (R-REG-2). Those that need a new number create a new
/// centre record linked to the old one; the others change the centre in place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LifecycleOperation {
    /// A new place type at the centre: one number per place type, the old number continues.
    AddPlaceType(PlaceType),
    ChangePlaceType(PlaceType),
    ChangeCategory(Category),
    /// The name changes too, so the two appear as two centres (seed 000).
    ChangeOperator {
        new_name: String,
    },
    Rename {
        new_name: String,
    },
    /// An old centre taken into use again, with its old number.
    Reopen,
    Close,
}

impl LifecycleOperation {
    pub fn code(&self) -> &'static str {
        match self {
            LifecycleOperation::AddPlaceType(_) => "add_place_type",
            LifecycleOperation::ChangePlaceType(_) => "change_place_type",
            LifecycleOperation::ChangeCategory(_) => "change_category",
            LifecycleOperation::ChangeOperator { .. } => "change_operator",
            LifecycleOperation::Rename { .. } => "rename",
            LifecycleOperation::Reopen => "reopen",
            LifecycleOperation::Close => "close",
        }
    }

    /// R-REG-2: place type, category and operator changes get a new number; a new name or a
    /// reopening keeps it. Closing keeps the number too (it is never given to another centre).
    pub fn needs_new_number(&self) -> bool {
        matches!(
            self,
            LifecycleOperation::AddPlaceType(_)
                | LifecycleOperation::ChangePlaceType(_)
                | LifecycleOperation::ChangeCategory(_)
                | LifecycleOperation::ChangeOperator { .. }
        )
    }

    /// What the operation brings with it, in the order a confirmation page should list it.
    pub fn consequences(&self) -> Vec<Consequence> {
        if !self.needs_new_number() {
            return match self {
                LifecycleOperation::Close => {
                    vec![Consequence::KeepsNumber, Consequence::ResidentsMustMove]
                }
                _ => vec![Consequence::KeepsNumber],
            };
        }
        // Adding a place type leaves the old number running; the others replace it, and the
        // residents registered at the old number are listed for moving (R-AGR-12).
        let replaces = !matches!(self, LifecycleOperation::AddPlaceType(_));
        let mut consequences = vec![Consequence::NewNumber];
        if replaces {
            consequences.push(Consequence::OldNumberRetired);
        }
        consequences.extend([
            Consequence::NewExternalCostCentre,
            Consequence::NewSupplierNumber,
            Consequence::AccountingDataNotCopied,
        ]);
        if replaces {
            consequences.push(Consequence::ResidentsMustMove);
        }
        consequences.extend(OPENING_TASKS.map(Consequence::StartsTask));
        consequences
    }
}

/// The §6 opening tasks a new number starts (R-REG-2).
pub const OPENING_TASKS: [&str; 3] = [
    "opening.duf_access",
    "opening.supplier",
    "opening.accounting",
];

/// One thing an operation brings with it, for the confirmation page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Consequence {
    NewNumber,
    NewExternalCostCentre,
    NewSupplierNumber,
    AccountingDataNotCopied,
    /// A §6 task key, one of [`OPENING_TASKS`].
    StartsTask(&'static str),
    OldNumberRetired,
    /// R-AGR-12: residents are not moved by the operation; the system lists who must move.
    ResidentsMustMove,
    KeepsNumber,
}

impl Consequence {
    pub fn describe_nb(&self) -> &'static str {
        match self {
            Consequence::NewNumber => "Mottaket får et nytt mottaksnummer: første ledige i serien.",
            Consequence::NewExternalCostCentre => "Nytt eksternt kostnadssted må opprettes.",
            Consequence::NewSupplierNumber => "Nye leverandørnumre må opprettes i Agresso.",
            Consequence::AccountingDataNotCopied => {
                "Konteringsinformasjonen kopieres ikke; refusjonskravene er ufullstendige til den \
                 er lagt inn."
            }
            Consequence::StartsTask("opening.duf_access") => {
                "Oppgaven «bestille registrering i DUFs tilgangsmodul» startes."
            }
            Consequence::StartsTask("opening.supplier") => {
                "Oppgaven «opprette leverandør i økonomisystemet» startes."
            }
            Consequence::StartsTask("opening.accounting") => {
                "Oppgaven «legge inn konteringsinformasjon» startes."
            }
            Consequence::StartsTask(_) => "En oppgave startes.",
            Consequence::OldNumberRetired => {
                "Det gamle nummeret avsluttes og brukes aldri igjen; historikken lenker gammelt og \
                 nytt nummer."
            }
            Consequence::ResidentsMustMove => {
                "Beboerne flyttes ikke automatisk: systemet lister dem som må flyttes."
            }
            Consequence::KeepsNumber => "Mottaket beholder mottaksnummeret.",
        }
    }

    pub fn describe_en(&self) -> &'static str {
        match self {
            Consequence::NewNumber => {
                "The centre gets a new number: the first free one in its series."
            }
            Consequence::NewExternalCostCentre => "A new external cost centre must be created.",
            Consequence::NewSupplierNumber => {
                "New supplier numbers must be created in the finance system."
            }
            Consequence::AccountingDataNotCopied => {
                "Accounting data is not copied; claims stay incomplete until it is entered."
            }
            Consequence::StartsTask("opening.duf_access") => {
                "The task \"order registration in DUF's access module\" starts."
            }
            Consequence::StartsTask("opening.supplier") => {
                "The task \"create the supplier in the finance system\" starts."
            }
            Consequence::StartsTask("opening.accounting") => {
                "The task \"enter the accounting data\" starts."
            }
            Consequence::StartsTask(_) => "A task starts.",
            Consequence::OldNumberRetired => {
                "The old number is closed and never reused; the history links the old and the new \
                 number."
            }
            Consequence::ResidentsMustMove => {
                "Residents are not moved automatically: the system lists those who must be moved."
            }
            Consequence::KeepsNumber => "The centre keeps its number.",
        }
    }
}

/// Whether `op` is allowed on a centre that is open (or closed): only a closed centre can be
/// reopened, only an open one closed or changed into a new number; a name must not be blank.
/// A closed centre may be renamed (a correction of the history).
pub fn check_transition(
    current_status_open: bool,
    op: &LifecycleOperation,
) -> Result<(), FieldError> {
    match op {
        LifecycleOperation::Reopen if current_status_open => {
            return Err(FieldError::coded("status", Problem::AlreadyOpen));
        }
        LifecycleOperation::Close if !current_status_open => {
            return Err(FieldError::coded("status", Problem::AlreadyClosed));
        }
        _ if op.needs_new_number() && !current_status_open => {
            return Err(FieldError::coded("status", Problem::ClosedReopenFirst));
        }
        _ => {}
    }
    match op {
        LifecycleOperation::Rename { new_name }
        | LifecycleOperation::ChangeOperator { new_name }
            if new_name.trim().is_empty() =>
        {
            Err(FieldError::coded("name", Problem::NewNameEmpty))
        }
        _ => Ok(()),
    }
}

/// The centre an operation applies to, as far as [`check_change`] needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CentreState<'a> {
    pub open: bool,
    pub name: &'a str,
    pub category: Category,
    pub place_type: PlaceType,
}

/// [`check_transition`], plus the checks that need the centre: a rename or change of operator
/// gives a different name, a place type or category change gives a different value, and an added
/// place type is not the one the centre has. Whether the new operator differs is the caller's.
pub fn check_change(current: &CentreState<'_>, op: &LifecycleOperation) -> Result<(), FieldError> {
    check_transition(current.open, op)?;
    let same_name = |new_name: &str| normalise(new_name) == normalise(current.name);
    match op {
        LifecycleOperation::Rename { new_name } if new_name.trim() == current.name.trim() => {
            Err(FieldError::coded("name", Problem::SameName))
        }
        LifecycleOperation::ChangeOperator { new_name } if same_name(new_name) => {
            Err(FieldError::coded("name", Problem::OperatorChangeKeepsName))
        }
        LifecycleOperation::ChangePlaceType(place_type) if *place_type == current.place_type => {
            Err(FieldError::coded(
                "place_type",
                Problem::AlreadyPlaceType {
                    place_type: place_type.code().to_owned(),
                },
            ))
        }
        LifecycleOperation::AddPlaceType(place_type) if *place_type == current.place_type => {
            Err(FieldError::coded(
                "place_type",
                Problem::NumberHasPlaceType {
                    place_type: place_type.code().to_owned(),
                },
            ))
        }
        LifecycleOperation::ChangeCategory(category) if *category == current.category => {
            Err(FieldError::coded(
                "category",
                Problem::AlreadyCategory {
                    category: category.code().to_owned(),
                },
            ))
        }
        _ => Ok(()),
    }
}

fn normalise(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// R-REG-1 and R-REG-2: the series of the new number an operation gives, or `None` when the
/// operation keeps the number. The new number stays in the centre's series (the centre stays in
/// its municipality, so in its old county), except across series 35: a centre that becomes
/// special care gets 35, and one that leaves it must be given the series of its county, since no
/// county follows from 35. A series given in any other case is refused, naming `series`.
pub fn replacement_series(
    old: &Series,
    operation: &LifecycleOperation,
    given: Option<Series>,
) -> Result<Option<Series>, FieldError> {
    if !operation.needs_new_number() {
        return match given {
            Some(_) => Err(FieldError::coded(
                "series",
                Problem::KeepsNumberNoSeries {
                    operation: operation.code().to_owned(),
                },
            )),
            None => Ok(None),
        };
    }
    let new_category = match operation {
        LifecycleOperation::ChangeCategory(category) => Some(*category),
        _ => None,
    };
    let entering = new_category == Some(Category::SpecialCare) && !old.is_special_care();
    let leaving = old.is_special_care() && new_category.is_some_and(|c| c != Category::SpecialCare);
    if entering {
        return match given {
            Some(series) if !series.is_special_care() => Err(FieldError::coded(
                "series",
                Problem::SpecialCareUsesSeries35,
            )),
            _ => Series::parse(Series::SPECIAL_CARE).map(Some),
        };
    }
    let series = match (given, leaving) {
        (Some(series), true) if series.is_special_care() => {
            return Err(FieldError::coded(
                "series",
                Problem::Series35OnlySpecialCare,
            ));
        }
        (Some(series), true) => series,
        (None, true) => {
            return Err(FieldError::coded(
                "series",
                Problem::LeavingSpecialCareNeedsSeries,
            ));
        }
        (Some(_), false) => {
            return Err(FieldError::coded(
                "series",
                Problem::SeriesStays {
                    series: old.as_str().to_owned(),
                },
            ));
        }
        (None, false) => old.clone(),
    };
    Ok(Some(series))
}

/// R-REG-1 for a replacement number: judged as a new centre would be ([`check_new_number`]), its
/// region following its series; series 35 has no county, so the region entered for the old number
/// (or given by its county) carries over.
pub fn check_replacement(
    new: &NewNumber<'_>,
    old_region: Region,
) -> Result<(Region, Vec<Warning>), FieldError> {
    let given_region = match new.series_region {
        Some(_) => None,
        None => Some(old_region),
    };
    check_new_number(&NewNumber {
        given_region,
        ..*new
    })
}

/// R-REG-2: one number per place type, across a centre's linked numbers. `open_linked` are the
/// open numbers linked with this one through the history (predecessors and successors, this one
/// included), each with its place type. The number an operation retires does not count; the one
/// kept open by adding a place type does.
pub fn check_place_type_free(
    operation: &LifecycleOperation,
    new_place_type: PlaceType,
    current_number: &str,
    open_linked: &[(&str, PlaceType)],
) -> Result<(), FieldError> {
    if !operation.needs_new_number() {
        return Ok(());
    }
    let retires_current = !matches!(operation, LifecycleOperation::AddPlaceType(_));
    let taken = open_linked.iter().find(|(number, place_type)| {
        *place_type == new_place_type && !(retires_current && *number == current_number)
    });
    match taken {
        Some((number, _)) => Err(FieldError::coded(
            "place_type",
            Problem::LinkedNumberHasPlaceType {
                number: (*number).to_owned(),
                place_type: new_place_type.code().to_owned(),
            },
        )),
        None => Ok(()),
    }
}
