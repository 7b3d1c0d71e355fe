/**
 * PDF documents the platform issues, with Apache PDFBox: the receipt of a deposit, bilingual French
 * and Arabic (Arabic shaped and ordered with ICU4J, fonts embedded, a QR code by ZXing).
 */
package ma.rokhsa.infrastructure.pdf;
