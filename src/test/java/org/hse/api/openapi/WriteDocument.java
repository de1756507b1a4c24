package org.hse.api.openapi;

import io.smallrye.openapi.runtime.io.Format;
import io.smallrye.openapi.runtime.io.OpenApiSerializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hse.api.TestMetamodel;
import org.hse.api.action.control.ActionModel;
import org.hse.api.incident.control.IncidentModel;
import org.hse.api.incidentaction.control.IncidentActionModel;
import org.hse.api.model.ResourceModel;
import org.hse.api.tenancy.control.OfficeModel;
import org.hse.api.tenancy.control.ProjectModel;

/**
 * Writes the OpenAPI document of the built-in defaults, from the same resource models the service
 * serves it from, for the build: OpenAPI Generator makes the Java client of {@code
 * GeneratedClientIT} from it (the served document needs a running server, which the build has only
 * later).
 */
public final class WriteDocument {

  private WriteDocument() {}

  /** The resource models, in the order the service lists them. */
  public static List<ResourceModel<?>> models() {
    TestMetamodel.populate();
    return List.of(
        new IncidentActionModel(),
        new IncidentModel(),
        new ActionModel(),
        new ProjectModel(),
        new OfficeModel());
  }

  /** Writes the document as JSON to the file given as the only argument. */
  public static void main(String[] args) throws IOException {
    Path target = Path.of(args[0]);
    Files.createDirectories(target.toAbsolutePath().getParent());
    Files.writeString(
        target,
        OpenApiSerializer.serialize(OpenApiDocument.build(models(), "hse"), Format.JSON),
        StandardCharsets.UTF_8);
  }
}
