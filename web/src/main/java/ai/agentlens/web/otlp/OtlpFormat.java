package ai.agentlens.web.otlp;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The two OTLP/HTTP encodings: binary protobuf ({@code application/x-protobuf}) and JSON ({@code
 * application/json}, protobuf's JSON mapping with the OTLP rules: hex ids, enums as names or
 * numbers, unknown fields ignored). A response uses the request's encoding.
 */
enum OtlpFormat {
  PROTOBUF("application/x-protobuf"),
  JSON("application/json");

  private static final JsonFormat.Parser JSON_PARSER = JsonFormat.parser().ignoringUnknownFields();
  private static final JsonFormat.Printer JSON_PRINTER =
      JsonFormat.printer().omittingInsignificantWhitespace();

  final String contentType;

  OtlpFormat(String contentType) {
    this.contentType = contentType;
  }

  /** The format of a {@code Content-Type}, or {@code null} when OTLP/HTTP has none for it. */
  static OtlpFormat of(String contentType) {
    if (contentType == null) {
      return null;
    }
    String type = contentType.split(";", 2)[0].trim();
    if (type.equalsIgnoreCase(PROTOBUF.contentType)) {
      return PROTOBUF;
    }
    return type.equalsIgnoreCase(JSON.contentType) ? JSON : null;
  }

  /**
   * Decodes a request body.
   *
   * @throws InvalidProtocolBufferException when the body is not a trace request in this format
   */
  ExportTraceServiceRequest decode(byte[] body) throws InvalidProtocolBufferException {
    if (this == PROTOBUF) {
      return ExportTraceServiceRequest.parseFrom(body);
    }
    ExportTraceServiceRequest.Builder b = ExportTraceServiceRequest.newBuilder();
    try {
      JSON_PARSER.merge(new String(body, StandardCharsets.UTF_8), b);
    } catch (RuntimeException e) {
      // why: JsonFormat reports some malformed input (deep nesting, bad numbers) unchecked
      throw new InvalidProtocolBufferException(String.valueOf(e.getMessage()));
    }
    return b.build();
  }

  /** Encodes a response. */
  byte[] encode(ExportTraceServiceResponse response) {
    if (this == PROTOBUF) {
      return response.toByteArray();
    }
    try {
      return JSON_PRINTER.print(response).getBytes(StandardCharsets.UTF_8);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("a response always prints", e);
    }
  }

  /**
   * Encodes a {@code google.rpc.Status} ({@code code} = 1, {@code message} = 2) with protobuf's own
   * writer; the generated class lives in a library this server does not otherwise need.
   */
  static byte[] status(int code, String message) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    try {
      out.writeInt32(1, code);
      out.writeString(2, message);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
