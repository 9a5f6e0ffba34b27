"""Region tree (Kemendagri codes): kabupaten/kota, kecamatan, desa/kelurahan."""
