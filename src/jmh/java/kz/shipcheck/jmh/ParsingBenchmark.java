package kz.shipcheck.jmh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kz.shipcheck.input.DeclarationReader;
import kz.shipcheck.input.ReadDocument;
import kz.shipcheck.yaml.InputLimits;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reading declarations from bytes already in memory, per declaration: shipcheck's reader (decode,
 * split, parse to positioned nodes, validate against the schema, bind to the model) against plain
 * Jackson YAML trees, the least this YAML library can do with the same text.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// the stack the tests run with (pom.xml, surefire)
@Fork(value = 1, jvmArgsPrepend = "-Xss4m")
public class ParsingBenchmark {
  /** Declarations generated, the unreadable ones (about 1 %) included: they are read too. */
  static final int DECLARATIONS = 2_000;

  @State(Scope.Thread)
  public static class Input {
    /** The generator's files as written: a third of them hold 2 to 20 declarations. */
    List<GeneratedDeclarations.GeneratedFile> files;

    /** The same declarations, each in a byte array of its own, as jacksonTree needs them. */
    List<byte[]> singles;

    DeclarationReader reader;
    ObjectMapper mapper;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
      files = GeneratedDeclarations.files(DECLARATIONS);
      singles = new ArrayList<>();
      for (GeneratedDeclarations.GeneratedFile f : files) {
        // the generator separates documents with a bare '---' line and writes no other
        for (String doc : new String(f.bytes(), StandardCharsets.UTF_8).split("(?m)^---\n")) {
          singles.add(doc.getBytes(StandardCharsets.UTF_8));
        }
      }
      reader = new DeclarationReader(InputLimits.defaults(), null);
      mapper = new ObjectMapper(new YAMLFactory());
      int documents = 0;
      for (GeneratedDeclarations.GeneratedFile f : files) {
        for (ReadDocument ignored : reader.documents(f.name(), f.bytes())) {
          documents++;
        }
      }
      // @OperationsPerInvocation is a constant: the per-declaration figures hold only if it is
      // right
      if (documents != DECLARATIONS || singles.size() != DECLARATIONS) {
        throw new IllegalStateException(
            documents
                + " documents in the files, "
                + singles.size()
                + " split, "
                + DECLARATIONS
                + " expected");
      }
    }
  }

  /** The files as the batch pipeline gets them, every document read through. */
  @Benchmark
  @OperationsPerInvocation(DECLARATIONS)
  public void readOne(Input in, Blackhole bh) {
    for (GeneratedDeclarations.GeneratedFile f : in.files) {
      for (ReadDocument d : in.reader.documents(f.name(), f.bytes())) {
        bh.consume(d);
      }
    }
  }

  /** shipcheck's reader on exactly the input of jacksonTree, one declaration per array. */
  @Benchmark
  @OperationsPerInvocation(DECLARATIONS)
  public void readOneSingle(Input in, Blackhole bh) {
    for (byte[] b : in.singles) {
      for (ReadDocument d : in.reader.documents("declaration.yaml", b)) {
        bh.consume(d);
      }
    }
  }

  /** Jackson's YAML tree with default settings: no positions, no limits, no schema, no binding. */
  @Benchmark
  @OperationsPerInvocation(DECLARATIONS)
  public void jacksonTree(Input in, Blackhole bh) throws IOException {
    for (byte[] b : in.singles) {
      try {
        bh.consume(in.mapper.readTree(b));
      } catch (JsonProcessingException e) {
        // the few generated declarations with broken YAML; the reader turns them into problems
        bh.consume(e);
      }
    }
  }
}
