/** M1: mail parsing throughput, Tiketti's {@code MailParser} side by side with bare mime4j and Angus Mail. */
package dev.tiketti.benchmarks.mail;
