<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb" sourcelanguage="en">
<context>
    <name>AuditPage</name>
    <message>
        <source>Audit log</source>
        <translation>Revisjonslogg</translation>
    </message>
    <message>
        <source>Every change made from this console, with verifyctl or with an admin key, newest first.</source>
        <translation>Alle endringer gjort fra denne konsollen, med verifyctl eller med en admin-nøkkel, nyeste først.</translation>
    </message>
    <message>
        <source>Search by actor, action code, target or detail (e.g. operator:ola, key.revoke, a session id)</source>
        <translation>Søk etter aktør, handlingskode, objekt eller detalj (f.eks. operator:ola, key.revoke, en økt-ID)</translation>
    </message>
    <message>
        <source>Search the audit log</source>
        <translation>Søk i revisjonsloggen</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>O&amp;ppdater</translation>
    </message>
    <message>
        <source>Select an entry to see all of its details.</source>
        <translation>Velg en oppføring for å se alle detaljene.</translation>
    </message>
    <message>
        <source>Details of the selected entry</source>
        <translation>Detaljer om valgt oppføring</translation>
    </message>
</context>
<context>
    <name>CreateKeyDialog</name>
    <message>
        <source>Create API key</source>
        <translation>Opprett API-nøkkel</translation>
    </message>
    <message>
        <source>A program presents its key in the X-API-Key header. Give each program its own key, so one can be revoked without touching the others.</source>
        <translation>Et program sender nøkkelen sin i HTTP-hodet X-API-Key. Gi hvert program sin egen nøkkel, slik at én kan tilbakekalles uten at det går ut over de andre.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Navn:</translation>
    </message>
    <message>
        <source>e.g. Web shop checkout</source>
        <translation>f.eks. Kassen i nettbutikken</translation>
    </message>
    <message>
        <source>&amp;Scope:</source>
        <translation>&amp;Tilgang:</translation>
    </message>
    <message>
        <source>S&amp;ervice:</source>
        <translation>T&amp;jeneste:</translation>
    </message>
    <message>
        <source>E&amp;xpiry:</source>
        <translation>&amp;Utløp:</translation>
    </message>
    <message>
        <source>Expires after</source>
        <translation>Utløper etter</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>&amp;Range:</source>
        <translation>&amp;Periode:</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Siste 7 dager</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Siste 30 dager</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Egendefinert</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Fra:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Til:</translation>
    </message>
    <message>
        <source>No sessions in this range</source>
        <translation>Ingen økter i denne perioden</translation>
    </message>
    <message>
        <source>Possible SMS pumping</source>
        <translation>Mulig SMS-pumping</translation>
    </message>
    <message>
        <source>Someone may be starting verifications to numbers that pay them per message (toll fraud). Look at these sessions, and on the Services page limit the allowed countries or lower the start limits.</source>
        <translation>Noen kan starte verifiseringer til numre som får betalt per melding (avgiftssvindel). Se på disse øktene, og begrens tillatte land eller senk startgrensene på siden Tjenester.</translation>
    </message>
</context>
<context>
    <name>DeliveryPage</name>
    <message>
        <source>Delivery</source>
        <translation>Levering</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Utboks</translation>
    </message>
    <message>
        <source>Session:</source>
        <translation>Økt:</translation>
    </message>
    <message>
        <source>Delivery queue</source>
        <translation>Leveringskø</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Vis:</translation>
    </message>
    <message>
        <source>Waiting and failed</source>
        <translation>Ventende og mislykkede</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Mislykkede</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sendte</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Avbrutte</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Prøv igjen</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>Tale</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Venter</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Levert</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verifisert</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Mislyktes</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Utløpt</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Avbrutt</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>I kø</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Sender</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sendt</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>KeysPage</name>
    <message>
        <source>API keys</source>
        <translation>API-nøkler</translation>
    </message>
    <message>
        <source>Programs authenticate to the HTTP API with a key. A verify key starts and checks verifications; an admin key can do everything, including managing keys.</source>
        <translation>Programmer autentiserer seg mot HTTP-API-et med en nøkkel. En verifiseringsnøkkel starter og kontrollerer verifiseringer; en admin-nøkkel kan gjøre alt, også administrere nøkler.</translation>
    </message>
    <message>
        <source>&amp;Create key…</source>
        <translation>&amp;Opprett nøkkel…</translation>
    </message>
    <message>
        <source>&amp;Revoke…</source>
        <translation>&amp;Tilbakekall…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>O&amp;ppdater</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Verify Console</source>
        <translation>Verify Console</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Sider</translation>
    </message>
</context>
<context>
    <name>NewServiceDialog</name>
    <message>
        <source>New service</source>
        <translation>Ny tjeneste</translation>
    </message>
    <message>
        <source>A service is one application that sends codes, with its own settings, messages and API keys.</source>
        <translation>En tjeneste er én applikasjon som sender koder, med egne innstillinger, meldinger og API-nøkler.</translation>
    </message>
    <message>
        <source>ID:</source>
        <translation>ID:</translation>
    </message>
    <message>
        <source>e.g. shop</source>
        <translation>f.eks. nettbutikk</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Navn:</translation>
    </message>
</context>
<context>
    <name>SecretKeyDialog</name>
    <message>
        <source>API key created</source>
        <translation>API-nøkkel opprettet</translation>
    </message>
    <message>
        <source>&lt;b&gt;Copy the key now: it will not be shown again.&lt;/b&gt; Verify Console keeps only a hash of it. If the key is lost, revoke it and create a new one.</source>
        <translation>&lt;b&gt;Kopier nøkkelen nå: den vises ikke igjen.&lt;/b&gt; Verify Console lagrer bare en hash av den. Hvis nøkkelen går tapt, tilbakekaller du den og oppretter en ny.</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Nøkkel:</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopier</translation>
    </message>
</context>
<context>
    <name>ServiceForm</name>
    <message>
        <source>General</source>
        <translation>Generelt</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Navn:</translation>
    </message>
    <message>
        <source>Name in messages:</source>
        <translation>Navn i meldinger:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Accepts new verifications</source>
        <translation>Tar imot nye verifiseringer</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>Koder</translation>
    </message>
    <message>
        <source>Length:</source>
        <translation>Lengde:</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> tegn</translation>
    </message>
    <message>
        <source>Characters:</source>
        <translation>Tegn:</translation>
    </message>
    <message>
        <source>Digits</source>
        <translation>Sifre</translation>
    </message>
    <message>
        <source>Letters and digits (no look-alikes)</source>
        <translation>Bokstaver og sifre (uten forvekslingsfare)</translation>
    </message>
    <message>
        <source>Custom codes:</source>
        <translation>Egne koder:</translation>
    </message>
    <message>
        <source>Applications may supply their own code</source>
        <translation>Applikasjoner kan oppgi sin egen kode</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Grenser</translation>
    </message>
    <message>
        <source>Code valid for:</source>
        <translation>Koden er gyldig i:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Wrong codes allowed:</source>
        <translation>Feil koder tillatt:</translation>
    </message>
    <message>
        <source>Resends allowed:</source>
        <translation>Nye sendinger tillatt:</translation>
    </message>
    <message>
        <source>Wait between sends:</source>
        <translation>Ventetid mellom sendinger:</translation>
    </message>
    <message>
        <source>Starts per recipient per hour:</source>
        <translation>Starter per mottaker per time:</translation>
    </message>
    <message>
        <source>Channels and language</source>
        <translation>Kanaler og språk</translation>
    </message>
    <message>
        <source>Channels:</source>
        <translation>Kanaler:</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Voice call</source>
        <translation>Taleanrop</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Message language:</source>
        <translation>Meldingsspråk:</translation>
    </message>
    <message>
        <source>Country of national numbers:</source>
        <translation>Land for nasjonale numre:</translation>
    </message>
    <message>
        <source>e.g. NO; empty: numbers need +country code</source>
        <translation>f.eks. NO; tomt: numre må ha +landskode</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Angre</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lagre</translation>
    </message>
    <message>
        <source>Starts per IP address per hour:</source>
        <translation>Starter per IP-adresse per time:</translation>
    </message>
    <message>
        <source>Starts per API key per hour:</source>
        <translation>Starter per API-nøkkel per time:</translation>
    </message>
    <message>
        <source>Starts per service per hour:</source>
        <translation>Starter for tjenesten per time:</translation>
    </message>
    <message>
        <source>Open session:</source>
        <translation>Åpen økt:</translation>
    </message>
    <message>
        <source>Return it again instead of sending a new code</source>
        <translation>Returner den igjen i stedet for å sende en ny kode</translation>
    </message>
    <message>
        <source>Allowed countries:</source>
        <translation>Tillatte land:</translation>
    </message>
    <message>
        <source>e.g. NO, SE; empty: all countries</source>
        <translation>f.eks. NO, SE; tom: alle land</translation>
    </message>
    <message>
        <source>SMS:</source>
        <translation>SMS:</translation>
    </message>
    <message>
        <source>Only to mobile numbers</source>
        <translation>Bare til mobilnumre</translation>
    </message>
    <message>
        <source>Test recipients:</source>
        <translation>Testmottakere:</translation>
    </message>
    <message>
        <source>Status webhook URL:</source>
        <translation>Adresse for statusvarsler (webhook):</translation>
    </message>
    <message>
        <source>e.g. https://app.example.com/hooks/verify; empty: no webhooks</source>
        <translation>f.eks. https://app.example.com/hooks/verify; tom: ingen varsler</translation>
    </message>
</context>
<context>
    <name>ServicesPage</name>
    <message>
        <source>Services</source>
        <translation>Tjenester</translation>
    </message>
    <message>
        <source>New service…</source>
        <translation>Ny tjeneste…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Innstillinger</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Meldinger</translation>
    </message>
</context>
<context>
    <name>SessionDetailPane</name>
    <message>
        <source>Select a session to see its details and events.</source>
        <translation>Velg en økt for å se detaljer og hendelser.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>Kanal:</translation>
    </message>
    <message>
        <source>Recipient:</source>
        <translation>Mottaker:</translation>
    </message>
    <message>
        <source>Country:</source>
        <translation>Land:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Språk:</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>Tjeneste:</translation>
    </message>
    <message>
        <source>Attempts:</source>
        <translation>Forsøk:</translation>
    </message>
    <message>
        <source>Resends:</source>
        <translation>Nye sendinger:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Opprettet:</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>Utløper:</translation>
    </message>
    <message>
        <source>Delivered:</source>
        <translation>Levert:</translation>
    </message>
    <message>
        <source>Verified:</source>
        <translation>Verifisert:</translation>
    </message>
    <message>
        <source>Finished:</source>
        <translation>Avsluttet:</translation>
    </message>
    <message>
        <source>Reference:</source>
        <translation>Referanse:</translation>
    </message>
    <message>
        <source>Client IP:</source>
        <translation>Klient-IP:</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Hendelser</translation>
    </message>
    <message>
        <source>Event timeline</source>
        <translation>Tidslinje for hendelser</translation>
    </message>
</context>
<context>
    <name>SessionsPage</name>
    <message>
        <source>Search: phone number (+47 912 34 567), e-mail address or session id</source>
        <translation>Søk: telefonnummer (+47 912 34 567), e-postadresse eller økt-ID</translation>
    </message>
    <message>
        <source>Search sessions</source>
        <translation>Søk i økter</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>&amp;Kanal:</translation>
    </message>
    <message>
        <source>Ser&amp;vice:</source>
        <translation>T&amp;jeneste:</translation>
    </message>
    <message>
        <source>Crea&amp;ted:</source>
        <translation>&amp;Opprettet:</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Fra dato</translation>
    </message>
    <message>
        <source>to</source>
        <translation>til</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Til dato</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Nullstill filtre</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Økter</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Eksporter…</translation>
    </message>
    <message>
        <source>Save the sessions that match the filters as a CSV file</source>
        <translation>Lagre øktene som samsvarer med filtrene, som en CSV-fil</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Innstillinger</translation>
    </message>
    <message>
        <source>HTTP API</source>
        <translation>HTTP-API</translation>
    </message>
    <message>
        <source>Run the HTTP API in the console</source>
        <translation>Kjør HTTP-API-et i konsollen</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Bruk</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Database in use:</source>
        <translation>Database i bruk:</translation>
    </message>
    <message>
        <source>Folder at next start:</source>
        <translation>Mappe ved neste start:</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>Velg mappe…</translation>
    </message>
    <message>
        <source>Use the default folder</source>
        <translation>Bruk standardmappen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lagre</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Oppbevaring</translation>
    </message>
    <message>
        <source>Keep finished sessions for</source>
        <translation>Behold avsluttede økter i</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Language of the console:</source>
        <translation>Konsollens språk:</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <source>Language:</source>
        <translation>Språk:</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Melding:</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Voice call</source>
        <translation>Taleanrop</translation>
    </message>
    <message>
        <source>E-mail subject</source>
        <translation>E-postemne</translation>
    </message>
    <message>
        <source>E-mail text</source>
        <translation>E-posttekst</translation>
    </message>
    <message>
        <source>E-mail HTML</source>
        <translation>E-post-HTML</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Mal</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Forhåndsvisning</translation>
    </message>
    <message>
        <source>Reset to shipped text</source>
        <translation>Tilbakestill til standardtekst</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Angre</translation>
    </message>
    <message>
        <source>Save message</source>
        <translation>Lagre melding</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Opening the database…</source>
        <translation>Åpner databasen…</translation>
    </message>
    <message>
        <source>Verify Console</source>
        <translation>Verify Console</translation>
    </message>
    <message>
        <source>The database cannot be opened:
%1</source>
        <translation>Databasen kan ikke åpnes:
%1</translation>
    </message>
    <message>
        <source>HTTP API not started</source>
        <translation>HTTP-API-et ble ikke startet</translation>
    </message>
    <message>
        <source>The HTTP API could not start: %1
Change the address in Settings.</source>
        <translation>HTTP-API-et kunne ikke starte: %1
Endre adressen under Innstillinger.</translation>
    </message>
</context>
<context>
    <name>vc::ui::AuditModel</name>
    <message>
        <source>name</source>
        <translation>navn</translation>
    </message>
    <message>
        <source>prefix</source>
        <translation>prefiks</translation>
    </message>
    <message>
        <source>scope</source>
        <translation>tilgang</translation>
    </message>
    <message>
        <source>service</source>
        <translation>tjeneste</translation>
    </message>
    <message>
        <source>expires</source>
        <translation>utløper</translation>
    </message>
    <message>
        <source>recipient</source>
        <translation>mottaker</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>kanal</translation>
    </message>
    <message>
        <source>previous channel</source>
        <translation>forrige kanal</translation>
    </message>
    <message>
        <source>resend no.</source>
        <translation>ny sending nr.</translation>
    </message>
    <message>
        <source>resends left</source>
        <translation>nye sendinger igjen</translation>
    </message>
    <message>
        <source>delivery</source>
        <translation>levering</translation>
    </message>
    <message>
        <source>provider</source>
        <translation>leverandør</translation>
    </message>
    <message>
        <source>language</source>
        <translation>språk</translation>
    </message>
    <message>
        <source>part</source>
        <translation>del</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nei</translation>
    </message>
    <message>
        <source>API key created</source>
        <translation>API-nøkkel opprettet</translation>
    </message>
    <message>
        <source>API key revoked</source>
        <translation>API-nøkkel tilbakekalt</translation>
    </message>
    <message>
        <source>Service created</source>
        <translation>Tjeneste opprettet</translation>
    </message>
    <message>
        <source>Service changed</source>
        <translation>Tjeneste endret</translation>
    </message>
    <message>
        <source>Message text changed</source>
        <translation>Meldingstekst endret</translation>
    </message>
    <message>
        <source>Session cancelled</source>
        <translation>Økt avbrutt</translation>
    </message>
    <message>
        <source>Code resent</source>
        <translation>Kode sendt på nytt</translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation>Innstilling endret</translation>
    </message>
    <message>
        <source>API key %1</source>
        <translation>API-nøkkel %1</translation>
    </message>
    <message>
        <source>Service %1</source>
        <translation>Tjeneste %1</translation>
    </message>
    <message>
        <source>Session %1</source>
        <translation>Økt %1</translation>
    </message>
    <message>
        <source>Setting %1</source>
        <translation>Innstilling %1</translation>
    </message>
    <message>
        <source>back to the built-in text</source>
        <translation>tilbake til standardteksten</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Aktør</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
</context>
<context>
    <name>vc::ui::AuditPage</name>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation>Objekt: %1</translation>
    </message>
    <message>
        <source>Target: %1 (id %2)</source>
        <translation>Objekt: %1 (ID %2)</translation>
    </message>
    <message>
        <source>The audit log could not be read: %1</source>
        <translation>Revisjonsloggen kunne ikke leses: %1</translation>
    </message>
    <message>
        <source>Nothing has been recorded yet.</source>
        <translation>Ingenting er registrert ennå.</translation>
    </message>
    <message>
        <source>No entries match “%1”.</source>
        <translation>Ingen oppføringer samsvarer med «%1».</translation>
    </message>
    <message>
        <source>Entries shown: %1. Scroll down for older ones.</source>
        <translation>Viste oppføringer: %1. Rull ned for å se eldre.</translation>
    </message>
    <message>
        <source>Entries: %1.</source>
        <translation>Oppføringer: %1.</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Revisjonslogg</translation>
    </message>
</context>
<context>
    <name>vc::ui::CreateKeyDialog</name>
    <message>
        <source>Everything: sessions, services, keys, statistics and the audit log.</source>
        <translation>Alt: økter, tjenester, nøkler, statistikk og revisjonsloggen.</translation>
    </message>
    <message>
        <source>Start, check, resend and cancel verifications, and read their status.</source>
        <translation>Starte, kontrollere, sende på nytt og avbryte verifiseringer og lese statusen deres.</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Alle tjenester</translation>
    </message>
    <message>
        <source>Create key</source>
        <translation>Opprett nøkkel</translation>
    </message>
    <message>
        <source>Use at most 100 characters and no control characters.</source>
        <translation>Bruk høyst 100 tegn og ingen kontrolltegn.</translation>
    </message>
    <message>
        <source>This service no longer exists. Choose another one.</source>
        <translation>Denne tjenesten finnes ikke lenger. Velg en annen.</translation>
    </message>
    <message>
        <source>Choose from 1 to 3650 days.</source>
        <translation>Velg fra 1 til 3650 dager.</translation>
    </message>
    <message>
        <source>Give the key a name, such as the program that will use it.</source>
        <translation>Gi nøkkelen et navn, for eksempel navnet på programmet som skal bruke den.</translation>
    </message>
    <message>
        <source>Key not created</source>
        <translation>Nøkkelen ble ikke opprettet</translation>
    </message>
    <message>
        <source>The key could not be created: %1</source>
        <translation>Nøkkelen kunne ikke opprettes: %1</translation>
    </message>
    <message numerus="yes">
        <source> day(s)</source>
        <translation>
            <numerusform> dag</numerusform>
            <numerusform> dager</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vc::ui::DashboardPage</name>
    <message>
        <source>The statistics could not be read: %1</source>
        <translation>Statistikken kunne ikke leses: %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Laster inn…</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Oppdatert %1</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Siste 7 dager</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Siste 30 dager</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1: none finished yet</source>
        <translation>%1: ingen avsluttet ennå</translation>
    </message>
    <message>
        <source>No sessions in this range</source>
        <translation>Ingen økter i denne perioden</translation>
    </message>
    <message>
        <source>Sessions today</source>
        <translation>Økter i dag</translation>
    </message>
    <message>
        <source>Sessions this month</source>
        <translation>Økter denne måneden</translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation>Suksessrate</translation>
    </message>
    <message>
        <source>Delivery failures</source>
        <translation>Mislykkede leveringer</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Oversikt</translation>
    </message>
    <message>
        <source>%1: %2 of %3 finished sessions verified</source>
        <translation>%1: %2 av %3 avsluttede økter verifisert</translation>
    </message>
    <message>
        <source>The SMS-pumping signals could not be read</source>
        <translation>Tegnene på SMS-pumping kunne ikke leses</translation>
    </message>
    <message>
        <source>%1 in %2, service %3</source>
        <translation>%1 i %2, tjeneste %3</translation>
    </message>
    <message numerus="yes">
        <source>%n start(s) since %1, usually %2 an hour</source>
        <translation>
            <numerusform>%n start siden %1, vanligvis %2 i timen</numerusform>
            <numerusform>%n starter siden %1, vanligvis %2 i timen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 verified in the last 24 hours (%3); the service usually %4</source>
        <translation>%1 av %2 verifisert siste 24 timer (%3); tjenesten har vanligvis %4</translation>
    </message>
    <message>
        <source>%1 of %2 verified in the last 24 hours (%3)</source>
        <translation>%1 av %2 verifisert siste 24 timer (%3)</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>og %n til</numerusform>
            <numerusform>og %n til</numerusform>
        </translation>
    </message>
    <message>
        <source>Possible SMS pumping</source>
        <translation>Mulig SMS-pumping</translation>
    </message>
</context>
<context>
    <name>vc::ui::DeliveryPage</name>
    <message>
        <source>All sessions; paste a session id to see one</source>
        <translation>Alle økter; lim inn en økt-ID for å se én</translation>
    </message>
    <message>
        <source>Copy session id</source>
        <translation>Kopier økt-ID</translation>
    </message>
    <message>
        <source>This is not a session id.</source>
        <translation>Dette er ikke en økt-ID.</translation>
    </message>
    <message>
        <source>The queue could not be read: %1</source>
        <translation>Køen kunne ikke leses: %1</translation>
    </message>
    <message>
        <source>The newest %1 messages</source>
        <translation>De %1 nyeste meldingene</translation>
    </message>
    <message>
        <source>Messages: %1</source>
        <translation>Meldinger: %1</translation>
    </message>
    <message>
        <source>Items: %1</source>
        <translation>Elementer: %1</translation>
    </message>
    <message>
        <source>Items: %1 · failed: %2</source>
        <translation>Elementer: %1 · mislykkede: %2</translation>
    </message>
    <message>
        <source>Delivery queue (%1 failed)</source>
        <translation>Leveringskø (%1 mislyktes)</translation>
    </message>
    <message>
        <source>Delivery queue</source>
        <translation>Leveringskø</translation>
    </message>
    <message>
        <source>Select a message to read it in full.</source>
        <translation>Velg en melding for å lese hele.</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Emne: %1</translation>
    </message>
    <message>
        <source>Sends the session a new code by the same channel, under the resend rules.</source>
        <translation>Sender økten en ny kode via samme kanal, etter reglene for nye sendinger.</translation>
    </message>
    <message>
        <source>A code was sent to this session moments ago. Try again in %1 s.</source>
        <translation>En kode ble sendt til denne økten for et øyeblikk siden. Prøv igjen om %1 s.</translation>
    </message>
    <message>
        <source>The session has used all its resends. The user has to start a new verification.</source>
        <translation>Økten har brukt opp alle sine nye sendinger. Brukeren må starte en ny verifisering.</translation>
    </message>
    <message>
        <source>Only a failed delivery can be retried, and this one is no longer failed.</source>
        <translation>Bare en mislykket levering kan prøves på nytt, og denne er ikke lenger mislykket.</translation>
    </message>
    <message>
        <source>The session is already final (%1): it gets no new code.</source>
        <translation>Økten er allerede avsluttet (%1): den får ingen ny kode.</translation>
    </message>
    <message>
        <source>This delivery no longer exists; its session may have been purged.</source>
        <translation>Denne leveringen finnes ikke lenger; økten kan ha blitt slettet.</translation>
    </message>
    <message>
        <source>Retry delivery</source>
        <translation>Prøv leveringen på nytt</translation>
    </message>
    <message>
        <source>Send a new code to %1 by %2? The session&apos;s current code stops working.</source>
        <translation>Vil du sende en ny kode til %1 (%2)? Øktens nåværende kode slutter å virke.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Prøv igjen</translation>
    </message>
    <message>
        <source>Delivery not retried</source>
        <translation>Leveringen ble ikke prøvd på nytt</translation>
    </message>
    <message>
        <source>A new code for session %1 is queued (%2).</source>
        <translation>En ny kode for økt %1 er lagt i kø (%2).</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Levering</translation>
    </message>
    <message>
        <source>%1 through %2</source>
        <translation>%1 via %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;The local outbox is the active provider.&lt;/b&gt; Messages are kept here instead of being sent, so verifications work without an SMS, voice or e-mail gateway. Connect a gateway under Providers.</source>
        <translation>&lt;b&gt;Den lokale utboksen er aktiv leverandør.&lt;/b&gt; Meldingene blir liggende her i stedet for å sendes, slik at verifiseringer fungerer uten SMS-, tale- eller e-postgateway. Koble til en gateway under Leverandører.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Messages are sent by gateways:&lt;/b&gt; %1. Other channels stay in the local outbox. Services can have their own routes under Providers.</source>
        <translation>&lt;b&gt;Meldinger sendes via gatewayer:&lt;/b&gt; %1. Andre kanaler blir liggende i den lokale utboksen. Tjenester kan ha egne ruter under Leverandører.</translation>
    </message>
    <message>
        <source>Providers</source>
        <translation>Leverandører</translation>
    </message>
</context>
<context>
    <name>vc::ui::DeliveryQueueModel</name>
    <message>
        <source>Retrying</source>
        <translation>Prøver igjen</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Opprettet</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Økt</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Leverandør</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tilstand</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Forsøk</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Neste forsøk</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Siste feil</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Mottaker</translation>
    </message>
</context>
<context>
    <name>vc::ui::KeysModel</name>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Verifisering</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Utløpt</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Tilbakekalt</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Alle tjenester</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Aldri</translation>
    </message>
    <message>
        <source>Created by %1</source>
        <translation>Opprettet av %1</translation>
    </message>
    <message>
        <source>Revoked by %1 on %2</source>
        <translation>Tilbakekalt av %1 den %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Prefiks</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Tilgang</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Tjeneste</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Opprettet</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Sist brukt</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Utløper</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tilstand</translation>
    </message>
</context>
<context>
    <name>vc::ui::KeysPage</name>
    <message>
        <source>The API keys could not be read: %1</source>
        <translation>API-nøklene kunne ikke leses: %1</translation>
    </message>
    <message>
        <source>No API keys yet. Create one for each program that calls the API.</source>
        <translation>Ingen API-nøkler ennå. Opprett én for hvert program som kaller API-et.</translation>
    </message>
    <message>
        <source>Keys: %1, of which active: %2.</source>
        <translation>Nøkler: %1, hvorav aktive: %2.</translation>
    </message>
    <message>
        <source>Revoke API key</source>
        <translation>Tilbakekall API-nøkkel</translation>
    </message>
    <message>
        <source>Revoke the key “%1” (prefix %2)?

Programs that use it are refused from their next request on, also by verifyd on the same database. This cannot be undone.</source>
        <translation>Vil du tilbakekalle nøkkelen «%1» (prefiks %2)?

Programmer som bruker den, blir avvist fra og med neste forespørsel, også av verifyd på samme database. Dette kan ikke angres.</translation>
    </message>
    <message>
        <source>Revoke key</source>
        <translation>Tilbakekall nøkkel</translation>
    </message>
    <message>
        <source>Key not revoked</source>
        <translation>Nøkkelen ble ikke tilbakekalt</translation>
    </message>
    <message>
        <source>The key could not be revoked: %1</source>
        <translation>Nøkkelen kunne ikke tilbakekalles: %1</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>API-nøkler</translation>
    </message>
</context>
<context>
    <name>vc::ui::MainWindow</name>
    <message>
        <source>API on %1 · %2 requests/s</source>
        <translation>API på %1 · %2 forespørsler/s</translation>
    </message>
    <message>
        <source>API off</source>
        <translation>API av</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
</context>
<context>
    <name>vc::ui::NewServiceDialog</name>
    <message>
        <source>Lower-case letters, digits, “-” and “_”, starting with a letter or digit. Applications name the service by it; it cannot be changed.</source>
        <translation>Små bokstaver, sifre, «-» og «_», med en bokstav eller et siffer først. Applikasjoner oppgir tjenesten med denne ID-en, og den kan ikke endres.</translation>
    </message>
    <message>
        <source>This is not a valid id: use 1–40 lower-case letters, digits, “-” or “_”, starting with a letter or digit.</source>
        <translation>Dette er ikke en gyldig ID: bruk 1–40 små bokstaver, sifre, «-» eller «_», med en bokstav eller et siffer først.</translation>
    </message>
    <message>
        <source>A service with this id exists.</source>
        <translation>Det finnes allerede en tjeneste med denne ID-en.</translation>
    </message>
</context>
<context>
    <name>vc::ui::OutboxModel</name>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Mottaker</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Økt</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
</context>
<context>
    <name>vc::ui::OutcomesChart</name>
    <message>
        <source>Outcomes by status</source>
        <translation>Utfall etter status</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>vc::ui::ProvidersPanel</name>
    <message>
        <source>SMTP server (e-mail)</source>
        <translation>SMTP-server (e-post)</translation>
    </message>
    <message>
        <source>Kannel gateway (SMS)</source>
        <translation>Kannel-gateway (SMS)</translation>
    </message>
    <message>
        <source>HTTP gateway (SMS, voice)</source>
        <translation>HTTP-gateway (SMS, tale)</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Encryption:</source>
        <translation>Kryptering:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Brukernavn:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passord:</translation>
    </message>
    <message>
        <source>From address:</source>
        <translation>Avsenderadresse:</translation>
    </message>
    <message>
        <source>From name:</source>
        <translation>Avsendernavn:</translation>
    </message>
    <message>
        <source>Sender:</source>
        <translation>Avsender:</translation>
    </message>
    <message>
        <source>Timeout (ms):</source>
        <translation>Tidsavbrudd (ms):</translation>
    </message>
    <message>
        <source>Verify the certificate:</source>
        <translation>Kontroller sertifikatet:</translation>
    </message>
    <message>
        <source>Trusted certificates (PEM file):</source>
        <translation>Klarerte sertifikater (PEM-fil):</translation>
    </message>
    <message>
        <source>sendsms URL:</source>
        <translation>sendsms-URL:</translation>
    </message>
    <message>
        <source>Receipts to (this API&apos;s URL):</source>
        <translation>Kvitteringer til (URL-en til dette API-et):</translation>
    </message>
    <message>
        <source>Receipt token:</source>
        <translation>Kvitteringstoken:</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Metode:</translation>
    </message>
    <message>
        <source>Authentication:</source>
        <translation>Autentisering:</translation>
    </message>
    <message>
        <source>Token or password:</source>
        <translation>Token eller passord:</translation>
    </message>
    <message>
        <source>Headers (one &quot;Name: value&quot; a line):</source>
        <translation>HTTP-hoder (én «Navn: verdi» per linje):</translation>
    </message>
    <message>
        <source>Body:</source>
        <translation>Innhold:</translation>
    </message>
    <message>
        <source>Body template:</source>
        <translation>Innholdsmal:</translation>
    </message>
    <message>
        <source>Success field (JSON path):</source>
        <translation>Suksessfelt (JSON-sti):</translation>
    </message>
    <message>
        <source>Success value:</source>
        <translation>Suksessverdi:</translation>
    </message>
    <message>
        <source>Message id field (JSON path):</source>
        <translation>Felt for meldings-ID (JSON-sti):</translation>
    </message>
    <message>
        <source>Voice audio:</source>
        <translation>Talelyd:</translation>
    </message>
    <message>
        <source>New provider</source>
        <translation>Ny leverandør</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Fjern…</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Navn:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>e.g. office-smtp</source>
        <translation>f.eks. office-smtp</translation>
    </message>
    <message>
        <source>Save provider</source>
        <translation>Lagre leverandør</translation>
    </message>
    <message>
        <source>Test recipient: phone number or e-mail address</source>
        <translation>Testmottaker: telefonnummer eller e-postadresse</translation>
    </message>
    <message>
        <source>Send test</source>
        <translation>Send test</translation>
    </message>
    <message>
        <source>Which provider sends each channel</source>
        <translation>Hvilken leverandør som sender hver kanal</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>Gjelder:</translation>
    </message>
    <message>
        <source>Provider %1</source>
        <translation>Leverandør %1</translation>
    </message>
    <message>
        <source>The providers could not be read: %1</source>
        <translation>Leverandørene kunne ikke leses: %1</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Alle tjenester</translation>
    </message>
    <message>
        <source>Local outbox (built in)</source>
        <translation>Lokal utboks (innebygd)</translation>
    </message>
    <message>
        <source>As for all services</source>
        <translation>Som for alle tjenester</translation>
    </message>
    <message>
        <source>The route could not be changed: %1</source>
        <translation>Ruten kunne ikke endres: %1</translation>
    </message>
    <message>
        <source>%1 messages now use the default.</source>
        <translation>Meldinger i kanalen %1 bruker nå standardvalget.</translation>
    </message>
    <message>
        <source>%1 messages now go through %2.</source>
        <translation>Meldinger i kanalen %1 sendes nå via %2.</translation>
    </message>
    <message>
        <source>Stored — type to replace</source>
        <translation>Lagret — skriv for å erstatte</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Ikke angitt</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Ikke lagret: %1</translation>
    </message>
    <message>
        <source>Not saved: %1 %2</source>
        <translation>Ikke lagret: %1 %2</translation>
    </message>
    <message>
        <source>Provider %1 saved.</source>
        <translation>Leverandøren %1 er lagret.</translation>
    </message>
    <message>
        <source>Remove provider</source>
        <translation>Fjern leverandør</translation>
    </message>
    <message>
        <source>Remove the provider %1? Its settings and secrets are deleted.</source>
        <translation>Vil du fjerne leverandøren %1? Innstillingene og hemmelighetene dens slettes.</translation>
    </message>
    <message>
        <source>Not removed: %1</source>
        <translation>Ikke fjernet: %1</translation>
    </message>
    <message>
        <source>Provider %1 removed.</source>
        <translation>Leverandøren %1 er fjernet.</translation>
    </message>
    <message>
        <source>Enter a phone number or e-mail address to send the test to.</source>
        <translation>Skriv inn et telefonnummer eller en e-postadresse som testen skal sendes til.</translation>
    </message>
    <message>
        <source>Sending a test message…</source>
        <translation>Sender en testmelding…</translation>
    </message>
    <message>
        <source>The test was not sent: %1</source>
        <translation>Testen ble ikke sendt: %1</translation>
    </message>
    <message>
        <source>The provider refused the test: %1</source>
        <translation>Leverandøren avviste testen: %1</translation>
    </message>
    <message>
        <source>The provider accepted the test message.</source>
        <translation>Leverandøren godtok testmeldingen.</translation>
    </message>
</context>
<context>
    <name>vc::ui::SecretKeyDialog</name>
    <message>
        <source>All services</source>
        <translation>Alle tjenester</translation>
    </message>
    <message>
        <source>“%1” was created with prefix %2. Scope: %3. Service: %4.</source>
        <translation>«%1» ble opprettet med prefiks %2. Tilgang: %3. Tjeneste: %4.</translation>
    </message>
    <message>
        <source>Copied. The clipboard will be cleared in one minute.</source>
        <translation>Kopiert. Utklippstavlen tømmes om ett minutt.</translation>
    </message>
    <message>
        <source>Copied. The clipboard will be cleared in %1 s.</source>
        <translation>Kopiert. Utklippstavlen tømmes om %1 s.</translation>
    </message>
</context>
<context>
    <name>vc::ui::ServiceForm</name>
    <message>
        <source>Enter a whole number from %1 to %2.</source>
        <translation>Skriv inn et heltall fra %1 til %2.</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>Skriv inn et navn.</translation>
    </message>
    <message>
        <source>Use at most %1 characters, without control characters.</source>
        <translation>Bruk høyst %1 tegn, uten kontrolltegn.</translation>
    </message>
    <message>
        <source>Enter a two-letter country code such as NO, or leave it empty.</source>
        <translation>Skriv inn en landskode på to bokstaver, for eksempel NO, eller la feltet stå tomt.</translation>
    </message>
    <message>
        <source>Choose at least one channel.</source>
        <translation>Velg minst én kanal.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Ikke lagret: %1</translation>
    </message>
    <message>
        <source>Saved at %1.</source>
        <translation>Lagret kl. %1.</translation>
    </message>
    <message>
        <source>%1 min in messages</source>
        <translation>%1 min i meldingene</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ingen</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Ingen grense</translation>
    </message>
    <message>
        <source>Enter an http or https address such as https://app.example.com/hooks, or leave it empty.</source>
        <translation>Skriv inn en http- eller https-adresse som https://app.example.com/hooks, eller la feltet stå tomt.</translation>
    </message>
</context>
<context>
    <name>vc::ui::ServiceListModel</name>
    <message>
        <source>%1 (id %2)</source>
        <translation>%1 (ID %2)</translation>
    </message>
    <message>
        <source>%1 (id %2) is disabled: it accepts no new verifications</source>
        <translation>%1 (ID %2) er deaktivert: den tar ikke imot nye verifiseringer</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Tjeneste</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
</context>
<context>
    <name>vc::ui::ServicesPage</name>
    <message>
        <source>A service is one application that sends codes. Changes apply to verifications started after they are saved; those under way keep their rules.</source>
        <translation>En tjeneste er én applikasjon som sender koder. Endringer gjelder verifiseringer som startes etter at endringene er lagret; de som pågår, beholder reglene sine.</translation>
    </message>
    <message>
        <source>Services not loaded</source>
        <translation>Tjenestene ble ikke lastet inn</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ulagrede endringer</translation>
    </message>
    <message>
        <source>The settings of %1 have changes that are not saved. Discard them?</source>
        <translation>Innstillingene for %1 har endringer som ikke er lagret. Vil du forkaste dem?</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Forkast endringer</translation>
    </message>
    <message>
        <source>Service not created</source>
        <translation>Tjenesten ble ikke opprettet</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Tjenester</translation>
    </message>
</context>
<context>
    <name>vc::ui::SessionDetailPane</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 av %2</translation>
    </message>
    <message>
        <source>Session %1</source>
        <translation>Økt %1</translation>
    </message>
</context>
<context>
    <name>vc::ui::SessionEventsModel</name>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Previous channel</source>
        <translation>Forrige kanal</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Mottaker</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Calling code</source>
        <translation>Landsnummer</translation>
    </message>
    <message>
        <source>Number type</source>
        <translation>Nummertype</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Tjeneste</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Code length</source>
        <translation>Kodelengde</translation>
    </message>
    <message>
        <source>Valid for (s)</source>
        <translation>Gyldig i (s)</translation>
    </message>
    <message>
        <source>Code from caller</source>
        <translation>Kode fra applikasjonen</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referanse</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Leverandør</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Levering</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Forsøksnummer</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Forsøk</translation>
    </message>
    <message>
        <source>Attempts left</source>
        <translation>Forsøk igjen</translation>
    </message>
    <message>
        <source>Resend</source>
        <translation>Ny sending</translation>
    </message>
    <message>
        <source>Resends left</source>
        <translation>Nye sendinger igjen</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Feil</translation>
    </message>
    <message>
        <source>Will retry</source>
        <translation>Prøves igjen</translation>
    </message>
    <message>
        <source>Retry at</source>
        <translation>Nytt forsøk</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Årsak</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Utført av</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nei</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Opprettet</translation>
    </message>
    <message>
        <source>Number looked up</source>
        <translation>Nummer slått opp</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Lagt i kø</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sendt</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Levert</translation>
    </message>
    <message>
        <source>Delivery failed</source>
        <translation>Levering mislyktes</translation>
    </message>
    <message>
        <source>Failover</source>
        <translation>Automatisk bytte</translation>
    </message>
    <message>
        <source>Wrong code</source>
        <translation>Feil kode</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verifisert</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Låst</translation>
    </message>
    <message>
        <source>Resent</source>
        <translation>Sendt på nytt</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Avbrutt</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Utløpt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Mislyktes</translation>
    </message>
    <message>
        <source>Webhook sent</source>
        <translation>Webhook sendt</translation>
    </message>
    <message>
        <source>Webhook failed</source>
        <translation>Webhook mislyktes</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Hendelse</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>Delivery receipt</source>
        <translation>Leveringskvittering</translation>
    </message>
    <message>
        <source>Not sent (test recipient)</source>
        <translation>Ikke sendt (testmottaker)</translation>
    </message>
    <message>
        <source>Started again (open session reused)</source>
        <translation>Startet på nytt (åpen økt gjenbrukt)</translation>
    </message>
    <message>
        <source>Webhook queued again</source>
        <translation>Webhook lagt i kø igjen</translation>
    </message>
</context>
<context>
    <name>vc::ui::SessionListModel</name>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Session %1</source>
        <translation>Økt %1</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Opprettet</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Mottaker</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Tjeneste</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Forsøk</translation>
    </message>
    <message>
        <source>Resends</source>
        <translation>Nye sendinger</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Utløper</translation>
    </message>
    <message>
        <source>%1 (test)</source>
        <translation>%1 (test)</translation>
    </message>
    <message>
        <source>Test session: nothing is sent; the service&apos;s fixed test code verifies it</source>
        <translation>Testøkt: ingenting sendes; tjenestens faste testkode bekrefter den</translation>
    </message>
</context>
<context>
    <name>vc::ui::SessionsChart</name>
    <message>
        <source>Sessions per hour</source>
        <translation>Økter per time</translation>
    </message>
    <message>
        <source>Sessions per day</source>
        <translation>Økter per dag</translation>
    </message>
    <message>
        <source>Sessions per month</source>
        <translation>Økter per måned</translation>
    </message>
</context>
<context>
    <name>vc::ui::SessionsPage</name>
    <message>
        <source>All statuses</source>
        <translation>Alle statuser</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>Alle kanaler</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Når som helst</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Siste 7 dager</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Siste 30 dager</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Egendefinert periode</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Alle tjenester</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>Sluttdatoen er før startdatoen.</translation>
    </message>
    <message>
        <source>Search for an exact phone number in international form (such as +47 912 34 567), an e-mail address or a session id.</source>
        <translation>Søk etter et nøyaktig telefonnummer i internasjonalt format (for eksempel +47 912 34 567), en e-postadresse eller en økt-ID.</translation>
    </message>
    <message>
        <source>No session has the id %1.</source>
        <translation>Ingen økt har ID-en %1.</translation>
    </message>
    <message>
        <source>Sessions could not be loaded: %1</source>
        <translation>Øktene kunne ikke lastes inn: %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Laster inn…</translation>
    </message>
    <message>
        <source>No sessions match.</source>
        <translation>Ingen samsvarende økter.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s) shown, more as you scroll</source>
        <translation>
            <numerusform>%Ln økt vises, flere når du ruller</numerusform>
            <numerusform>%Ln økter vises, flere når du ruller</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s)</source>
        <translation>
            <numerusform>%Ln økt</numerusform>
            <numerusform>%Ln økter</numerusform>
        </translation>
    </message>
    <message>
        <source>Events could not be loaded: %1</source>
        <translation>Hendelsene kunne ikke lastes inn: %1</translation>
    </message>
    <message>
        <source>This session has used all its resends.</source>
        <translation>Denne økten har brukt opp alle sine nye sendinger.</translation>
    </message>
    <message>
        <source>Send a new code, by this or another channel</source>
        <translation>Send en ny kode, via denne eller en annen kanal</translation>
    </message>
    <message>
        <source>End this session; its code stops working</source>
        <translation>Avbryt denne økten; koden slutter å virke</translation>
    </message>
    <message>
        <source>Resend code</source>
        <translation>Send koden på nytt</translation>
    </message>
    <message>
        <source>Send a new code to %1 by:</source>
        <translation>Send en ny kode til %1 via:</translation>
    </message>
    <message>
        <source>Send a new code to %1 by %2? The code sent before stops working.</source>
        <translation>Vil du sende en ny kode til %1 (%2)? Koden som ble sendt tidligere, slutter å virke.</translation>
    </message>
    <message>
        <source>Resend</source>
        <translation>Send på nytt</translation>
    </message>
    <message>
        <source>Resend failed</source>
        <translation>Kunne ikke sende på nytt</translation>
    </message>
    <message>
        <source>Cancel session</source>
        <translation>Avbryt økt</translation>
    </message>
    <message>
        <source>Cancel the session for %1? Its code stops working and the session cannot be resumed.</source>
        <translation>Vil du avbryte økten for %1? Koden slutter å virke, og økten kan ikke gjenopptas.</translation>
    </message>
    <message>
        <source>Cancel failed</source>
        <translation>Kunne ikke avbryte</translation>
    </message>
    <message numerus="yes">
        <source>Wait %Ln s and try again.</source>
        <translation>
            <numerusform>Vent %Ln s og prøv igjen.</numerusform>
            <numerusform>Vent %Ln s og prøv igjen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy session id</source>
        <translation>Kopier økt-ID</translation>
    </message>
    <message>
        <source>Resend…</source>
        <translation>Send på nytt…</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Økter</translation>
    </message>
    <message>
        <source>Export sessions</source>
        <translation>Eksporter økter</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <source>Exporting sessions…</source>
        <translation>Eksporterer økter…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Exporting sessions… %L1 written</source>
        <translation>Eksporterer økter… %L1 skrevet</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Eksporten mislyktes</translation>
    </message>
    <message>
        <source>The sessions could not be exported: %1</source>
        <translation>Øktene kunne ikke eksporteres: %1</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>Eksporten er ferdig</translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s) saved to %1.</source>
        <translation>
            <numerusform>%Ln økt lagret i %1.</numerusform>
            <numerusform>%Ln økter lagret i %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Send this session&apos;s failed status webhooks to the application again</source>
        <translation>Send øktens mislykkede status-webhooks til applikasjonen på nytt</translation>
    </message>
    <message>
        <source>Send webhooks again</source>
        <translation>Send webhooks på nytt</translation>
    </message>
    <message>
        <source>Send the failed status webhooks of the session for %1 to the application again? Use this once its receiver works.</source>
        <translation>Sende de mislykkede status-webhookene for økten til %1 til applikasjonen på nytt? Bruk dette når mottakeren virker igjen.</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Send på nytt</translation>
    </message>
    <message>
        <source>Sending webhooks again failed</source>
        <translation>Kunne ikke sende webhooks på nytt</translation>
    </message>
    <message>
        <source>Send webhooks again…</source>
        <translation>Send webhooks på nytt…</translation>
    </message>
</context>
<context>
    <name>vc::ui::SettingsPage</name>
    <message>
        <source>Data folder</source>
        <translation>Datamappe</translation>
    </message>
    <message>
        <source>System (%1)</source>
        <translation>System (%1)</translation>
    </message>
    <message>
        <source>The window changes at once. Dates and numbers follow the chosen language too.</source>
        <translation>Vinduet endres med en gang. Datoer og tall følger også det valgte språket.</translation>
    </message>
    <message>
        <source>Older finished sessions are deleted once a day with their events and outbox messages; hourly statistics are kept. The setting is stored in the database, so verifyd instances using it follow it too.</source>
        <translation>Eldre avsluttede økter slettes én gang i døgnet sammen med hendelsene og utboksmeldingene sine; statistikken per time beholdes. Innstillingen lagres i databasen, så verifyd-instanser som bruker den, følger den også.</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(standard)</translation>
    </message>
    <message>
        <source>The retention could not be read: %1</source>
        <translation>Oppbevaringstiden kunne ikke leses: %1</translation>
    </message>
    <message>
        <source>Enter an IP address such as 127.0.0.1 (this computer only) or 0.0.0.0 (every network).</source>
        <translation>Skriv inn en IP-adresse, for eksempel 127.0.0.1 (bare denne datamaskinen) eller 0.0.0.0 (alle nettverk).</translation>
    </message>
    <message>
        <source>HTTP API not started</source>
        <translation>HTTP-API-et ble ikke startet</translation>
    </message>
    <message>
        <source>The HTTP API could not start on %1:
%2

If another program uses this port, choose another port or stop that program.</source>
        <translation>HTTP-API-et kunne ikke starte på %1:
%2

Hvis et annet program bruker denne porten, velger du en annen port eller stopper det programmet.</translation>
    </message>
    <message>
        <source>On, at %1</source>
        <translation>Kjører på %1</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Av</translation>
    </message>
    <message>
        <source>Other computers can reach this address. The console&apos;s API has no TLS: API keys and codes would cross the network in clear. Use verifyd with TLS for that.</source>
        <translation>Andre datamaskiner kan nå denne adressen. Konsollens API har ikke TLS: API-nøkler og koder ville gått ukryptert over nettverket. Bruk verifyd med TLS til det.</translation>
    </message>
    <message>
        <source>Applications call the API at this address. 127.0.0.1 accepts connections from this computer only; port 0 picks a free port.</source>
        <translation>Applikasjoner kaller API-et på denne adressen. 127.0.0.1 tar bare imot tilkoblinger fra denne datamaskinen; port 0 velger en ledig port.</translation>
    </message>
    <message>
        <source>Enter a full path, such as /srv/verify.</source>
        <translation>Skriv inn en fullstendig bane, for eksempel /srv/verify.</translation>
    </message>
    <message>
        <source>This is a file, not a folder.</source>
        <translation>Dette er en fil, ikke en mappe.</translation>
    </message>
    <message>
        <source>A new folder takes effect the next time the console starts; this window keeps its database.</source>
        <translation>En ny mappe tas i bruk neste gang konsollen starter; dette vinduet beholder databasen sin.</translation>
    </message>
    <message>
        <source>Saved: the console keeps using this folder.</source>
        <translation>Lagret: konsollen fortsetter å bruke denne mappen.</translation>
    </message>
    <message>
        <source>Saved. The console opens %1 the next time it starts; until then it keeps using %2.</source>
        <translation>Lagret. Konsollen åpner %1 neste gang den starter; frem til da bruker den fortsatt %2.</translation>
    </message>
    <message>
        <source>There is no database there yet: a new, empty one will be created.</source>
        <translation>Det finnes ingen database der ennå: en ny, tom database blir opprettet.</translation>
    </message>
    <message>
        <source>Retention not changed</source>
        <translation>Oppbevaringstiden ble ikke endret</translation>
    </message>
    <message>
        <source>Saved at %1.</source>
        <translation>Lagret kl. %1.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Innstillinger</translation>
    </message>
    <message numerus="yes">
        <source>day(s)</source>
        <translation>
            <numerusform>dag</numerusform>
            <numerusform>dager</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vc::ui::SuccessRateChart</name>
    <message>
        <source>Success rate over time</source>
        <translation>Suksessrate over tid</translation>
    </message>
    <message>
        <source>Success rate over time (no finished sessions yet)</source>
        <translation>Suksessrate over tid (ingen avsluttede økter ennå)</translation>
    </message>
    <message>
        <source>Verified of finished sessions</source>
        <translation>Verifiserte av avsluttede økter</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
</context>
<context>
    <name>vc::ui::TemplateEditor</name>
    <message>
        <source>Unsaved message</source>
        <translation>Ulagret melding</translation>
    </message>
    <message>
        <source>The %1 message in %2 has changes that are not saved. Discard them?</source>
        <translation>Meldingen «%1» på %2 har endringer som ikke er lagret. Vil du forkaste dem?</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Forkast endringer</translation>
    </message>
    <message>
        <source>&lt;b&gt;Custom text&lt;/b&gt; for this service</source>
        <translation>&lt;b&gt;Egen tekst&lt;/b&gt; for denne tjenesten</translation>
    </message>
    <message>
        <source>Shipped text</source>
        <translation>Standardtekst</translation>
    </message>
    <message>
        <source>Preview with the sample code %1</source>
        <translation>Forhåndsvisning med eksempelkoden %1</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutter</translation>
    </message>
    <message>
        <source>This text cannot be used:</source>
        <translation>Denne teksten kan ikke brukes:</translation>
    </message>
    <message>
        <source>Characters: %1 · SMS parts: %2</source>
        <translation>Tegn: %1 · SMS-deler: %2</translation>
    </message>
    <message>
        <source>Read aloud by the voice gateway: the code is spoken one character at a time.</source>
        <translation>Leses opp av talegatewayen: koden leses ett tegn om gangen.</translation>
    </message>
    <message>
        <source>One line, and never the code: subjects show in notifications, mail lists and server logs.</source>
        <translation>Én linje, og aldri koden: emnet vises i varsler, e-postlister og serverlogger.</translation>
    </message>
    <message>
        <source>The plain-text part, for mail programs that do not show HTML.</source>
        <translation>Rentekstdelen, for e-postprogrammer som ikke viser HTML.</translation>
    </message>
    <message>
        <source>As a simple mail program shows it; values are HTML-escaped. Check new layouts in real mail programs too.</source>
        <translation>Slik et enkelt e-postprogram viser den; verdiene er HTML-kodet. Sjekk nye oppsett i ekte e-postprogrammer også.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Ikke lagret: %1</translation>
    </message>
    <message>
        <source>Saved at %1.</source>
        <translation>Lagret kl. %1.</translation>
    </message>
    <message>
        <source>Reset to shipped text</source>
        <translation>Tilbakestill til standardtekst</translation>
    </message>
    <message>
        <source>Replace this service&apos;s %1 message in %2 with the shipped text? Its own text is deleted.</source>
        <translation>Vil du erstatte tjenestens melding «%1» på %2 med standardteksten? Tjenestens egen tekst slettes.</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Tilbakestill</translation>
    </message>
    <message>
        <source>Not reset</source>
        <translation>Ikke tilbakestilt</translation>
    </message>
    <message>
        <source>The shipped text is in use again.</source>
        <translation>Standardteksten er i bruk igjen.</translation>
    </message>
    <message>
        <source>Placeholders: {code}, {app_name}, {ttl_minutes} and {minutes} (the word for “minutes”). Write {{ or }} for a brace.</source>
        <translation>Plassholdere: {code}, {app_name}, {ttl_minutes} og {minutes} (ordet for «minutter»). Skriv {{ eller }} for en krøllparentes.</translation>
    </message>
</context>
</TS>
