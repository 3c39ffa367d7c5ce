import { Heading, Link, ListItem, Paragraph, UnorderedList } from '../components/typography.tsx';

/**
 * The pages behind the footer's links (issue 15, item 6): help, the privacy statement and who to
 * contact. Open before signing in too. The privacy statement says in plain Dutch what DESIGN P1–P4
 * (retention, no personal data in logs, the audit trail, access) and C1–C4 mean for the people in
 * the signals.
 */

export function Help() {
  return (
    <>
      <Heading level={1}>Hulp bij Buurtsignaal</Heading>
      <Paragraph lead>
        Buurtsignaal brengt vroegsignalen bij het juiste Buurtteam: huurachterstanden van woningcorporaties,
        energieschulden via Werk &amp; Inkomen en zorgmeldingen van de politie. Het Buurtteam neemt binnen
        vijf werkdagen contact op met het huishouden.
      </Paragraph>

      <Heading level={2}>Voor de Buurtteams</Heading>
      <UnorderedList>
        <ListItem>
          De <strong>werkvoorraad</strong> toont de signalen van uw team, de vroegste uiterste datum eerst.
          Het tabblad Over de termijn toont wat zonder eerste contact over de termijn is.
        </ListItem>
        <ListItem>
          Op de pagina van een signaal legt u elke <strong>contactpoging</strong> vast, bereikt of niet. Het
          eerste contact waarin u de inwoner bereikt, stopt de termijn.
        </ListItem>
        <ListItem>
          Hoort het signaal bij een ander team, dan zet u het <strong>door</strong> met een reden; de termijn
          blijft staan. U sluit een signaal <strong>af</strong> met een uitkomst uit de landelijke lijst
          (DDAS).
        </ListItem>
        <ListItem>
          Een signaal zonder eerste contact na de uiterste datum <strong>escaleert</strong>: eerst naar de
          coördinator van het team, daarna naar de manager.
        </ListItem>
      </UnorderedList>

      <Heading level={2}>Voor partners</Heading>
      <UnorderedList>
        <ListItem>
          Woningcorporaties leveren hun huurachterstanden aan als CSV-bestand onder{' '}
          <strong>Aanleveren</strong>. Het ontvangstbewijs toont per rij of die is geaccepteerd; afgewezen
          rijen kunt u downloaden, verbeteren en opnieuw versturen.
        </ListItem>
        <ListItem>
          Onder <strong>Eerdere aanleveringen</strong> ziet u per rij wat ermee is gebeurd: ontvangen,
          opgepakt, niet opgepakt of afgerond. De reden en de notities van het team ziet u niet.
        </ListItem>
      </UnorderedList>

      <Heading level={2}>Dashboard</Heading>
      <Paragraph>
        Coördinatoren, managers en de gemeente zien per team en per week hoeveel signalen op tijd een eerste
        contact kregen, wat nu over de termijn is en hoeveel signalen er per bron binnenkomen. De gemeente
        ziet alleen totalen, nooit personen.
      </Paragraph>

      <Heading level={2}>Werken met het toetsenbord</Heading>
      <Paragraph>
        Alles werkt met het toetsenbord. De eerste Tab toont de knop Naar de inhoud; brede tabellen scrollen
        opzij in hun eigen vak, ook met de pijltjestoetsen.
      </Paragraph>

      <Paragraph>
        Komt u er niet uit? Zie <Link href="#/contact">Contact</Link>.
      </Paragraph>
    </>
  );
}

export function Privacy() {
  return (
    <>
      <Heading level={1}>Privacyverklaring</Heading>
      <Paragraph lead>
        In Buurtsignaal staan gegevens van inwoners die mogelijk hulp nodig hebben. Hier leest u welke
        gegevens dat zijn, waarvoor ze worden gebruikt, wie ze mag zien en hoe lang ze worden bewaard.
      </Paragraph>

      <Heading level={2}>Wie is verantwoordelijk</Heading>
      <Paragraph>
        De Gemeente Utrecht is verantwoordelijk voor Buurtsignaal. De Buurtteams werken ermee in opdracht van
        de gemeente.
      </Paragraph>

      <Heading level={2}>Waarom wij deze gegevens gebruiken</Heading>
      <Paragraph>
        Signalen over schulden (huur, energie) verwerken wij op grond van de Wet gemeentelijke
        schuldhulpverlening: de gemeente moet inwoners met beginnende schulden hulp aanbieden.
        Woningcorporaties bevestigen bij elke aanlevering dat zij de stappen van de sociale incasso hebben
        gezet. Heeft een huurder bezwaar gemaakt tegen het delen van zijn gegevens, dan wordt zijn rij
        geweigerd en bewaren wij er niets van. Zorgmeldingen van de politie gaan alleen met toestemming van de
        inwoner naar een Buurtteam; bij onveiligheid gaan ze direct naar Veilig Thuis (Meldcode).
      </Paragraph>

      <Heading level={2}>Welke gegevens</Heading>
      <Paragraph>
        Naam, adres, geboortedatum en, als de partner die heeft, telefoonnummer en e-mailadres; de soort
        signaal en het bedrag; bij zorgmeldingen de zorgen van de melder. Om het juiste team te kiezen vragen
        wij in de Basisregistratie Personen alleen hoeveel minderjarigen op het adres wonen; verder bewaren
        wij niets uit die registratie.
      </Paragraph>

      <Heading level={2}>Wie de gegevens ziet</Heading>
      <UnorderedList>
        <ListItem>Een medewerker van een Buurtteam ziet alleen de signalen van zijn eigen team.</ListItem>
        <ListItem>
          Een coördinator ziet de signalen van zijn team, een manager die van de teams van zijn organisatie.
        </ListItem>
        <ListItem>
          Een partner ziet alleen wat hij zelf heeft aangeleverd en per rij of het is opgepakt, nooit de reden
          en nooit de notities van het team.
        </ListItem>
        <ListItem>De gemeente ziet alleen totalen, geen personen.</ListItem>
      </UnorderedList>

      <Heading level={2}>Wie heeft wat bekeken</Heading>
      <Paragraph>
        Elke keer dat iemand de gegevens van een signaal bekijkt of iets wijzigt, leggen wij vast wie dat was,
        met welke rol, wanneer en wat hij deed. De coördinator van het team en de privacy officer kunnen dat
        nakijken. In technische logbestanden staan geen namen, adressen, geboortedata, burgerservicenummers,
        telefoonnummers of e-mailadressen.
      </Paragraph>

      <Heading level={2}>Hoe lang wij gegevens bewaren</Heading>
      <UnorderedList>
        <ListItem>Een signaal dat niet is opgepakt: 6 maanden na ontvangst.</ListItem>
        <ListItem>Een afgesloten signaal: 12 maanden na het afsluiten.</ListItem>
        <ListItem>
          Een signaal met contactpogingen dat nooit is afgesloten: 12 maanden na de laatste activiteit.
        </ListItem>
      </UnorderedList>
      <Paragraph>
        Daarna worden de gegevens verwijderd; niets wordt voor altijd bewaard. Van een verwijderd signaal
        houden wij alleen bij wanneer en waarom het is verwijderd, zonder persoonsgegevens.
      </Paragraph>

      <Heading level={2}>Uw rechten</Heading>
      <Paragraph>
        U mag de gegevens inzien die wij over u hebben, ze laten verbeteren of laten verwijderen, en bezwaar
        maken. Neem daarvoor contact op met de Gemeente Utrecht: zie <Link href="#/contact">Contact</Link>.
      </Paragraph>
    </>
  );
}

export function Contact() {
  return (
    <>
      <Heading level={1}>Contact</Heading>
      <Heading level={2}>Medewerkers van de Buurtteams</Heading>
      <Paragraph>
        Met vragen over een signaal gaat u naar de coördinator van uw team. Werkt Buurtsignaal niet, of kunt u
        niet aanmelden, meld het dan bij de servicedesk van uw organisatie; die zet het door naar het
        functioneel beheer van Buurtsignaal bij de gemeente.
      </Paragraph>
      <Heading level={2}>Partners</Heading>
      <Paragraph>
        Woningcorporaties, Werk &amp; Inkomen en de politie hebben een vaste contactpersoon voor
        vroegsignalering bij de Gemeente Utrecht. Vragen over het aanleveren staan ook in de{' '}
        <Link href="#/hulp">hulp</Link>.
      </Paragraph>
      <Heading level={2}>Inwoners</Heading>
      <Paragraph>
        Wilt u weten welke gegevens over u in Buurtsignaal staan, of wilt u bezwaar maken? Bel de Gemeente
        Utrecht op <Link href="tel:14030">14 030</Link> en vraag naar de functionaris gegevensbescherming.
        Lees ook de <Link href="#/privacy">privacyverklaring</Link>.
      </Paragraph>
    </>
  );
}
