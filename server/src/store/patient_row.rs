//! A patient row decoded by column position.
//!
//! SeaORM's derived decoder looks each column up by name, and for every NULL it formats the
//! column's name into an error that it then discards: on a page of 20 patients that was about
//! a fifth of a search's CPU. Every SELECT of a patient lists the entity's columns in the
//! entity's order (`Entity::find()` does, and `sql::PATIENT_COLUMNS` is tested to), so a
//! column's position is its place in [`Column`].
use sea_orm::{
    DbErr, FromQueryResult, QueryResult,
    sqlx::{Decode, Postgres, Row, Type, postgres::PgRow},
};

use super::entities::patient::{Column, Model};

pub struct PatientRow(pub Model);

impl FromQueryResult for PatientRow {
    fn from_query_result(res: &QueryResult, pre: &str) -> Result<Self, DbErr> {
        // A prefixed (joined) select is not laid out by position: decode it by name.
        let Some(row) = res.try_as_pg_row().filter(|_| pre.is_empty()) else {
            return Model::from_query_result(res, pre).map(PatientRow);
        };
        Ok(PatientRow(Model {
            patient_id: get(row, Column::PatientId)?,
            given_name: get(row, Column::GivenName)?,
            middle_name: get(row, Column::MiddleName)?,
            family_name: get(row, Column::FamilyName)?,
            date_of_birth: get(row, Column::DateOfBirth)?,
            sex_at_birth: get(row, Column::SexAtBirth)?,
            gender_identity: get(row, Column::GenderIdentity)?,
            gender_identity_other: get(row, Column::GenderIdentityOther)?,
            email: get(row, Column::Email)?,
            phone_e164: get(row, Column::PhoneE164)?,
            address_line1: get(row, Column::AddressLine1)?,
            address_line2: get(row, Column::AddressLine2)?,
            address_city: get(row, Column::AddressCity)?,
            address_state_province: get(row, Column::AddressStateProvince)?,
            address_postal_code: get(row, Column::AddressPostalCode)?,
            address_country: get(row, Column::AddressCountry)?,
            preferred_language: get(row, Column::PreferredLanguage)?,
            consent_to_contact: get(row, Column::ConsentToContact)?,
            version: get(row, Column::Version)?,
            created_at: get(row, Column::CreatedAt)?,
            updated_at: get(row, Column::UpdatedAt)?,
            deleted_at: get(row, Column::DeletedAt)?,
        }))
    }
}

fn get<'r, T: Decode<'r, Postgres> + Type<Postgres>>(row: &'r PgRow, column: Column) -> Result<T, DbErr> {
    // The decoder's message can quote the stored value: only the position is kept.
    row.try_get(column as usize).map_err(|_| DbErr::Type(format!("patient column {} did not decode", column as usize)))
}

#[cfg(test)]
mod tests {
    use sea_orm::{Iden, Iterable};

    use super::*;

    #[test]
    fn a_columns_position_is_its_place_in_the_entity() {
        for (place, column) in Column::iter().enumerate() {
            assert_eq!(column as usize, place, "{}", column.to_string());
        }
    }
}
