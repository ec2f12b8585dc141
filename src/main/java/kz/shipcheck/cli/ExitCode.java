package kz.shipcheck.cli;

/** The exit codes (README), in one place; {@code --help} lists them from here. */
public enum ExitCode {
  OK(0, "every declaration passed under --fail-on (always 0 with --fail-on never)"),
  FAILED(
      1,
      "at least one declaration failed or was invalid; for test and pack build, a fixture did not match;"
          + " for diff, a declaration that passed fails or is invalid under the new pack"),
  USAGE(2, "usage error: bad option, a path that does not exist, an output that cannot be written"),
  PACK(
      3,
      "the rule pack, its data, the register or the waivers file could not be loaded; a pack file does not"
          + " match its SHA256SUMS, or is not signed by the trusted key"),
  INTERNAL(4, "internal error (a bug; --debug shows the stack trace)");

  public final int code;
  public final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  /** The "code:meaning" pairs picocli prints under "Exit codes:". */
  static String[] helpList() {
    String[] out = new String[values().length];
    for (int i = 0; i < out.length; i++) {
      out[i] = values()[i].code + ":" + values()[i].meaning;
    }
    return out;
  }
}
