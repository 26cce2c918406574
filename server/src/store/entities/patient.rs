use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "patients")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub patient_id: Uuid,
    pub given_name: String,
    pub middle_name: Option<String>,
    pub family_name: String,
    pub date_of_birth: Date,
    pub sex_at_birth: String,
    pub gender_identity: String,
    pub gender_identity_other: Option<String>,
    pub email: Option<String>,
    pub phone_e164: Option<String>,
    pub address_line1: Option<String>,
    pub address_line2: Option<String>,
    pub address_city: Option<String>,
    pub address_state_province: Option<String>,
    pub address_postal_code: Option<String>,
    pub address_country: Option<String>,
    pub preferred_language: Option<String>,
    pub consent_to_contact: bool,
    pub version: i64,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub deleted_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
