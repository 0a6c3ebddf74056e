//! «Отчёты»: read models over the events, partners and agreements: the
//! plan of network interaction for a school year (table, PDF, XLSX, and the
//! year's events as .ics) and the analytical report on the year (PDF, DOCX,
//! XLSX) with its charts.

pub mod annual;
pub mod annual_docx;
pub mod annual_export;
pub mod annual_pdf;
pub mod annual_risks;
pub mod annual_sections;
pub mod annual_text;
pub mod annual_xlsx;
pub mod charts;
pub mod charts_draw;
pub mod charts_table;
pub mod directives;
pub mod model;
pub mod plan;
pub mod plan_export;
pub mod plan_page;
pub mod plan_pdf;
pub mod plan_signatures;
pub mod plan_xlsx;
