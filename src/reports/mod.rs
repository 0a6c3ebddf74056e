//! «Отчёты»: read models over the events, partners and agreements: the
//! plan of network interaction for a school year (table, PDF, XLSX, and the
//! year's events as .ics) and the analytical report on the year (PDF).

pub mod annual;
pub mod annual_pdf;
pub mod model;
pub mod plan;
pub mod plan_export;
pub mod plan_pdf;
pub mod plan_xlsx;
