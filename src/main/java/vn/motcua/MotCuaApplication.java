package vn.motcua;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Entry point of Một Cửa, the electronic one-stop system for administrative procedures. */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class MotCuaApplication {
  public static void main(String[] args) {
    SpringApplication.run(MotCuaApplication.class, args);
  }
}
