package org.hse.api;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The packaged WAR, exactly as it ships, for every Arquillian test. */
public final class Deployments {

  private Deployments() {}

  public static WebArchive packagedWar() {
    File war = new File(System.getProperty("app.war", "target/incident-actions.war"));
    return ShrinkWrap.create(ZipImporter.class, "incident-actions.war")
        .importFrom(war)
        .as(WebArchive.class);
  }
}
