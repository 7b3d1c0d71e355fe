package ma.rokhsa.domain.model.audit;

/**
 * The first place a chain is broken.
 *
 * @param sequence the entry named: altered, removed (the first missing number) or mismatched
 * @param fault why
 * @param explanation in a sentence, for operators
 */
public record ChainBreak(long sequence, ChainFault fault, String explanation) {}
