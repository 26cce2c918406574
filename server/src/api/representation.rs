//! Stored rows → the contract's `Patient` resource.
use patient_api::{models, types::Nullable};

use crate::store::entities::patient;

pub fn patient_resource(row: patient::Model) -> models::Patient {
    let address = row.address_line1.map(|line1| {
        let mut address = models::Address::new(line1);
        address.line2 = Some(nullable(row.address_line2));
        address.city = Some(nullable(row.address_city));
        address.state_province = Some(nullable(row.address_state_province));
        address.postal_code = Some(nullable(row.address_postal_code));
        address.country = Some(nullable(row.address_country));
        address
    });
    models::Patient::new(
        row.patient_id,
        row.given_name,
        nullable(row.middle_name),
        row.family_name,
        row.date_of_birth,
        nullable(row.gender_identity.and_then(|g| g.parse().ok())),
        nullable(row.gender_identity_other),
        nullable(row.email),
        nullable(row.phone_e164),
        nullable(address),
        nullable(row.preferred_language),
        row.consent_to_contact,
        u64::try_from(row.version).unwrap_or_default(),
        row.created_at,
        row.updated_at,
    )
}

fn nullable<T>(value: Option<T>) -> Nullable<T> {
    value.map_or(Nullable::Null, Nullable::Present)
}
