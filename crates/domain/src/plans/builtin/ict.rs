//! The ICT routines of seed 000: opening a centre (§1–8) and closing it (§9).

use super::{OPERATOR, REGION, UDI_ADM, at, done, item};
use crate::plans::offset::Offset;
use crate::plans::template::{Anchor, Condition, Template};

pub fn opening() -> Template {
    Template {
        key: "opening".into(),
        version: 1,
        phases: None,
        items: vec![
            // Seed 000 §2 gives no deadline; five working days after signing leaves room for
            // the chain agreement → Sesam site before access opens.
            item(
                "opening.duf_access",
                UDI_ADM,
                at(Anchor::Signed).plus(Offset::working_days(5)),
            ),
            // §3: registered once the access module is confirmed, and the region told at once
            // ("straks"); two working days is our choice.
            item(
                "opening.agreement",
                UDI_ADM,
                done("opening.duf_access").plus(Offset::working_days(2)),
            )
            .after(&["opening.duf_access"]),
            // At signing: the internet provider has a delivery time for the fixed address.
            item("opening.ip_address", OPERATOR, at(Anchor::Signed)),
            // R-PLN-1: access opens 7 days before the start and the order takes 10 working
            // days, so this is the latest day to order.
            item(
                "opening.sesam_site",
                REGION,
                at(Anchor::OperationStart)
                    .plus(Offset::days(-7))
                    .plus(Offset::working_days(-10)),
            )
            .after(&["opening.agreement", "opening.ip_address"]),
            // Per employee who completed the e-learning, effected within 5 working days of the
            // order (seed 000 §1), which can only follow the site access.
            item(
                "opening.sesam_users",
                REGION,
                done("opening.sesam_site").plus(Offset::working_days(5)),
            )
            .after(&["opening.sesam_site"]),
            // Seed 000 §6: once points 1–3 are done.
            item(
                "opening.first_passwords",
                UDI_ADM,
                done("opening.sesam_users"),
            )
            .after(&[
                "opening.duf_access",
                "opening.agreement",
                "opening.sesam_site",
                "opening.sesam_users",
            ]),
            // Seed 000 §4–6 only say claims are wrong until these are done; ten working days
            // before the start gives the finance department time to return the numbers.
            item(
                "opening.supplier",
                UDI_ADM,
                at(Anchor::OperationStart).plus(Offset::working_days(-10)),
            ),
            item("opening.accounting", UDI_ADM, at(Anchor::OperationStart))
                .after(&["opening.supplier"]),
            // Our choice: the mailbox is ready when the staff's access opens (R-PLN-1).
            item(
                "opening.mailbox",
                REGION,
                at(Anchor::OperationStart).plus(Offset::days(-7)),
            ),
            item("opening.address_list", REGION, at(Anchor::OperationStart)),
        ],
    }
}

pub fn closing() -> Template {
    Template {
        key: "closing".into(),
        version: 1,
        phases: None,
        items: vec![
            // Our choice: checked a month before the end, while it can still be corrected.
            item(
                "closing.dates",
                UDI_ADM,
                at(Anchor::End).plus(Offset::months(-1)),
            ),
            // SPEC §6: not before three months after the end, so that the claim window of
            // R-CLM-6 stays open.
            item(
                "closing.sesam_users",
                REGION,
                at(Anchor::End).plus(Offset::months(3)),
            )
            .not_before(),
            item(
                "closing.sesam_site",
                REGION,
                at(Anchor::End).plus(Offset::months(3)),
            )
            .not_before(),
            // The public list shows open centres only: updated by the first closed day.
            item("closing.address_list", REGION, at(Anchor::End)),
            // Our choice: with the staff's access, one month after the end (R-PLN-1).
            item(
                "closing.mailbox",
                REGION,
                at(Anchor::End).plus(Offset::months(1)),
            )
            .not_before(),
            item("closing.equipment", REGION, at(Anchor::End)).when(Condition::HasEquipment),
        ],
    }
}
