// exifr's smallest build (JPEG and TIFF/EXIF only: all the Worker reads, when a photo was taken) has the
// same API as the full one the tests use.
declare module 'exifr/dist/mini.esm.mjs' {
  import exifr from 'exifr'
  export default exifr
}
