#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| partnernet_fuzz::import_sheet(data));
