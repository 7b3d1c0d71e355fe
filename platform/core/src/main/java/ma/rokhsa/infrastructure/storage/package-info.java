/**
 * Where deposited files are kept: a content-addressed store on a file system (the data directory,
 * or a directory shared by every node), and media-type detection from the bytes with Apache Tika.
 */
package ma.rokhsa.infrastructure.storage;
