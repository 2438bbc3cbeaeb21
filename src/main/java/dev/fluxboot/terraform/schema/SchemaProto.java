package dev.fluxboot.terraform.schema;

import com.google.protobuf.ByteString;
import dev.fluxboot.terraform.protocol.Tfplugin6;

import java.nio.charset.StandardCharsets;

/** A {@link Schema} as the plugin protocol's GetProviderSchema carries it. */
public final class SchemaProto {

    private SchemaProto() {
    }

    public static Tfplugin6.Schema render(Schema schema) {
        Tfplugin6.Schema.Block.Builder block = Tfplugin6.Schema.Block.newBuilder()
                .setVersion(schema.version())
                .setDescription(schema.description())
                .setDescriptionKind(Tfplugin6.StringKind.MARKDOWN);
        for (Attribute attribute : schema.attributes()) {
            block.addAttributes(render(attribute));
        }
        return Tfplugin6.Schema.newBuilder().setVersion(schema.version()).setBlock(block).build();
    }

    private static Tfplugin6.Schema.Attribute render(Attribute attribute) {
        Tfplugin6.Schema.Attribute.Builder proto = Tfplugin6.Schema.Attribute.newBuilder()
                .setName(attribute.name())
                .setDescription(attribute.description())
                // Descriptions name values in `backticks`, as terraform-provider-flux's do.
                .setDescriptionKind(Tfplugin6.StringKind.MARKDOWN)
                .setRequired(attribute.presence() == Attribute.Presence.REQUIRED)
                .setOptional(attribute.presence() == Attribute.Presence.OPTIONAL
                        || attribute.presence() == Attribute.Presence.OPTIONAL_COMPUTED)
                .setComputed(attribute.presence().isComputed())
                .setSensitive(attribute.sensitive());
        if (attribute.isNested()) {
            Tfplugin6.Schema.Object.Builder nested = Tfplugin6.Schema.Object.newBuilder()
                    .setNesting(Tfplugin6.Schema.Object.NestingMode.SINGLE);
            for (Attribute child : attribute.nestedAttributes()) {
                nested.addAttributes(render(child));
            }
            proto.setNestedType(nested);
        } else {
            proto.setType(ByteString.copyFrom(attribute.type().toJson(), StandardCharsets.UTF_8));
        }
        return proto.build();
    }
}
