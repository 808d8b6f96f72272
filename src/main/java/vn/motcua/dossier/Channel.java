package vn.motcua.dossier;

/** How the dossier reached the One-Stop Division (Decree 118/2025, formerly Decree 61/2018 Art. 15). */
public enum Channel {
  DIRECT("Trực tiếp"),
  POSTAL("Dịch vụ bưu chính"),
  ONLINE("Trực tuyến");

  private final String label;

  Channel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
