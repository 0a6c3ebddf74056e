#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| partnernet_fuzz::brochure(data));
