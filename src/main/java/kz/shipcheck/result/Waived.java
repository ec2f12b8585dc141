package kz.shipcheck.result;

/** Why a finding is accepted: the waiver's reason, expiry and approver. */
public record Waived(String reason, String expires, String approvedBy) {}
